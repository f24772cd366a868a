package io.unifiedcrm.commerce.customer.command;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates customer numbers (C000001, C000002, ...) per organization from a counter row. Called inside the command's
 * transaction: the row lock orders concurrent allocations and a failed command gives its number back.
 */
@Component
public class CustomerNumbers {

    private final JdbcTemplate jdbc;

    public CustomerNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next(UUID organizationId) {
        Long number = jdbc.queryForObject("""
                        INSERT INTO commerce.customer_number_counter AS counter (organization_id, last_number)
                        VALUES (?, 1)
                        ON CONFLICT (organization_id) DO UPDATE SET last_number = counter.last_number + 1
                        RETURNING last_number""",
                Long.class, organizationId);
        return "C%06d".formatted(number);
    }
}
