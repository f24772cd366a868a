package io.unifiedcrm.crm.contact.projection;

import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code crm.contact}, the CRM extension of a person (processing group "crm"). */
@Component
@ProcessingGroup("crm")
class ContactProjection {

    private final JdbcTemplate jdbc;

    ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CrmContactCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO crm.contact (person_id, organization_id, lead_status, lead_source, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING""",
                event.personId(), event.organizationId(), event.leadStatus(), event.leadSource(), Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.contact");
    }
}
