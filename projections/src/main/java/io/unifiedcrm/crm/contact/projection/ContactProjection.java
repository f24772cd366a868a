package io.unifiedcrm.crm.contact.projection;

import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.crm.projection.CrmProcessingGroup;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code crm.contact}, the CRM extension of a person. Idempotent by the row's version, the Person aggregate's
 * sequence number; lastContactedAt and the last purchase come from the person's activity rows
 * ({@link ContactRecency}), also those written before the person became a contact.
 */
@Component
@ProcessingGroup(CrmProcessingGroup.NAME)
class ContactProjection {

    private final ReadModelJdbc jdbc;

    ContactProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CrmContactCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        int inserted = jdbc.update("""
                        INSERT INTO crm.contact (person_id, organization_id, lead_status, lead_source, created_at,
                            updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING""",
                event.personId(), event.organizationId(), event.leadStatus(), event.leadSource(), Timestamp.from(at),
                Timestamp.from(at), sequenceNumber);
        if (inserted > 0) {
            ContactRecency.store(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(CrmContactChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE crm.contact SET lead_status = ?, lead_source = ?, job_title = ?, department = ?,
                            company_id = ?, owner_id = ?, next_follow_up = ?, version = ?, updated_at = ?
                        WHERE person_id = ? AND version < ?""",
                event.leadStatus(), event.leadSource(), event.jobTitle(), event.department(), event.companyId(),
                event.ownerId(), timestamp(event.nextFollowUp()), sequenceNumber, Timestamp.from(at),
                event.personId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.contact");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
