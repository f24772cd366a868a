package io.unifiedcrm.crm.company.command;

import io.unifiedcrm.platform.record.command.RecordRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which ids are companies of an organization: records of the system type {@code company} (archived ones too), from
 * the command side's record lookup, which is written with the records' events.
 */
@Component
public class CompanyRecords {

    static final String COMPANY = "company";

    private final RecordRegistry records;

    public CompanyRecords(RecordRegistry records) {
        this.records = records;
    }

    public boolean contains(UUID organizationId, UUID recordId) {
        return records.objectTypeOf(organizationId, recordId).filter(COMPANY::equals).isPresent();
    }
}
