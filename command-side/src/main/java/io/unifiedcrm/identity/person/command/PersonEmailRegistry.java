package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.EmailAddress;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One person per e-mail address (any case) per organization: the address is claimed in
 * {@code identity.person_email_lookup} in the same transaction as the event that creates the person, in a
 * subscribing processor, so a second creation with the address fails and nothing of it is stored. The primary key
 * decides between concurrent creations.
 */
@Component
@ProcessingGroup(PersonEmailRegistry.PROCESSING_GROUP)
class PersonEmailRegistry {

    static final String PROCESSING_GROUP = "person-email-lookup";

    private final JdbcTemplate jdbc;

    PersonEmailRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonCreatedEvent event) {
        String email = EmailAddress.of(event.email()).canonical();
        int claimed = jdbc.update("""
                        INSERT INTO identity.person_email_lookup (organization_id, email, person_id)
                        VALUES (?, ?, ?) ON CONFLICT (organization_id, email) DO NOTHING""",
                event.organizationId(), email, event.personId());
        if (claimed == 0) {
            List<UUID> holder = jdbc.queryForList("""
                            SELECT person_id FROM identity.person_email_lookup
                            WHERE organization_id = ? AND email = ?""",
                    UUID.class, event.organizationId(), email);
            if (!holder.isEmpty() && !holder.get(0).equals(event.personId())) {
                throw new DomainRuleViolation(ErrorCode.EMAIL_TAKEN, "email",
                        "Another person of this organization has this e-mail address.", holder.get(0).toString());
            }
        }
    }
}
