package io.unifiedcrm.identity.person.command;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a person belongs to an organization, from the command side's own e-mail lookup (written with the
 * creating event, so a person is known here as soon as the creation has answered).
 */
@Component
public class OrganizationPersons {

    private final JdbcTemplate jdbc;

    public OrganizationPersons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(UUID organizationId, UUID personId) {
        Boolean exists = jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM identity.person_email_lookup
                                       WHERE organization_id = ? AND person_id = ?)""",
                Boolean.class, organizationId, personId);
        return Boolean.TRUE.equals(exists);
    }
}
