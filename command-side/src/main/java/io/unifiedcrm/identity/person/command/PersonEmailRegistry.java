package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedEvent;
import io.unifiedcrm.identity.person.api.PersonUnmergedEvent;
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
 * decides between concurrent creations. A changed address is claimed the same way and the old one released; a merge
 * hands the source's addresses to the survivor and an unmerge hands them back.
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
        claim(event.organizationId(), event.email(), event.personId());
    }

    /** A changed address is claimed like a new one and the previous one is free for others. */
    @EventHandler
    void on(PersonEmailChangedEvent event) {
        claim(event.organizationId(), event.email(), event.personId());
        if (!canonical(event.email()).equals(canonical(event.previousEmail()))) {
            jdbc.update("DELETE FROM identity.person_email_lookup WHERE organization_id = ? AND email = ? "
                    + "AND person_id = ?", event.organizationId(), canonical(event.previousEmail()), event.personId());
        }
    }

    /** The source's addresses are the survivor's (secondary) addresses now: a new person cannot take them. */
    @EventHandler
    void on(PersonMergedEvent event) {
        moveAddresses(event.organizationId(), event.addedSecondaryEmails(), event.personId());
    }

    @EventHandler
    void on(PersonUnmergedEvent event) {
        moveAddresses(event.organizationId(), event.releasedEmails(), event.sourcePersonId());
    }

    private void moveAddresses(UUID organizationId, List<String> addresses, UUID newHolder) {
        for (String address : addresses) {
            jdbc.update("UPDATE identity.person_email_lookup SET person_id = ? WHERE organization_id = ? AND email = ?",
                    newHolder, organizationId, canonical(address));
        }
    }

    private void claim(UUID organizationId, String address, UUID personId) {
        String email = canonical(address);
        int claimed = jdbc.update("""
                        INSERT INTO identity.person_email_lookup (organization_id, email, person_id)
                        VALUES (?, ?, ?) ON CONFLICT (organization_id, email) DO NOTHING""",
                organizationId, email, personId);
        if (claimed == 0) {
            List<UUID> holder = jdbc.queryForList("""
                            SELECT person_id FROM identity.person_email_lookup
                            WHERE organization_id = ? AND email = ?""",
                    UUID.class, organizationId, email);
            if (!holder.isEmpty() && !holder.get(0).equals(personId)) {
                throw new DomainRuleViolation(ErrorCode.EMAIL_TAKEN, "email",
                        "Another person of this organization has this e-mail address.", holder.get(0).toString());
            }
        }
    }

    private static String canonical(String address) {
        return EmailAddress.of(address).canonical();
    }
}
