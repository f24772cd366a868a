package io.unifiedcrm.platform.record.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.platform.record.api.RecordsAssociatedEvent;
import io.unifiedcrm.platform.record.api.RecordsDissociatedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's knowledge of records, written in the transaction of their events (a subscribing processor):
 * which record has which type (to check association targets), the claimed values of unique properties (a second
 * record with a value fails with nothing stored; the primary key decides races) and the associations.
 */
@Component
@ProcessingGroup(RecordRegistry.PROCESSING_GROUP)
public class RecordRegistry {

    static final String PROCESSING_GROUP = "record-lookup";

    private final JdbcTemplate jdbc;

    public RecordRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecordCreatedEvent event) {
        jdbc.update("""
                        INSERT INTO platform.record_lookup (record_id, organization_id, object_type) VALUES (?, ?, ?)
                        ON CONFLICT (record_id) DO NOTHING""",
                event.recordId(), event.organizationId(), event.objectType());
        claim(event.organizationId(), event.objectType(), event.uniqueValue(), event.recordId());
    }

    @EventHandler
    void on(RecordUpdatedEvent event) {
        if (event.uniqueValue() != null && !event.uniqueValue().equals(event.previousUniqueValue())) {
            claim(event.organizationId(), event.objectType(), event.uniqueValue(), event.recordId());
        }
        if (event.previousUniqueValue() != null && !event.previousUniqueValue().equals(event.uniqueValue())) {
            release(event.organizationId(), event.objectType(), event.previousUniqueValue(), event.recordId());
        }
    }

    @EventHandler
    void on(RecordDeletedEvent event) {
        jdbc.update("DELETE FROM platform.record_lookup WHERE record_id = ?", event.recordId());
        jdbc.update("DELETE FROM platform.record_association_lookup WHERE from_record_id = ?", event.recordId());
        if (event.uniqueValue() != null) {
            release(event.organizationId(), event.objectType(), event.uniqueValue(), event.recordId());
        }
    }

    @EventHandler
    void on(RecordsAssociatedEvent event) {
        jdbc.update("""
                        INSERT INTO platform.record_association_lookup (from_record_id, to_record_id, label,
                                                                        organization_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.recordId(), event.toRecordId(), event.label(), event.organizationId());
    }

    @EventHandler
    void on(RecordsDissociatedEvent event) {
        jdbc.update("DELETE FROM platform.record_association_lookup WHERE from_record_id = ? AND to_record_id = ? "
                + "AND label = ?", event.recordId(), event.toRecordId(), event.label());
    }

    /** The type of a live record of the organization, if there is one. */
    public Optional<String> objectTypeOf(UUID organizationId, UUID recordId) {
        return jdbc.queryForList("SELECT object_type FROM platform.record_lookup WHERE record_id = ? "
                + "AND organization_id = ?", String.class, recordId, organizationId).stream().findFirst();
    }

    /** An association another record has with a given one. */
    record IncomingAssociation(UUID fromRecordId, String label, UUID organizationId) {
    }

    List<IncomingAssociation> associationsTo(UUID recordId) {
        return jdbc.query("SELECT from_record_id, label, organization_id FROM platform.record_association_lookup "
                        + "WHERE to_record_id = ?",
                (row, index) -> new IncomingAssociation(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, UUID.class)),
                recordId);
    }

    private void claim(UUID organizationId, String objectType, String value, UUID recordId) {
        if (value == null) {
            return;
        }
        int claimed = jdbc.update("""
                        INSERT INTO platform.record_unique_value (organization_id, object_type, value, record_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", organizationId, objectType, value, recordId);
        if (claimed == 0) {
            List<UUID> holder = jdbc.queryForList("SELECT record_id FROM platform.record_unique_value "
                    + "WHERE organization_id = ? AND object_type = ? AND value = ?", UUID.class, organizationId,
                    objectType, value);
            if (!holder.isEmpty() && !holder.get(0).equals(recordId)) {
                throw new DomainRuleViolation(ErrorCode.UNIQUE_VALUE_TAKEN, "properties",
                        "Another " + objectType + " of this organization has this unique value.",
                        holder.get(0).toString());
            }
        }
    }

    private void release(UUID organizationId, String objectType, String value, UUID recordId) {
        jdbc.update("DELETE FROM platform.record_unique_value WHERE organization_id = ? AND object_type = ? "
                + "AND value = ? AND record_id = ?", organizationId, objectType, value, recordId);
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordRegistryConfiguration {

        @Bean
        ConfigurerModule recordLookupWrittenWithTheEvents() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
