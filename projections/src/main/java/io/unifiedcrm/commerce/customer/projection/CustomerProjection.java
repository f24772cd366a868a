package io.unifiedcrm.commerce.customer.projection;

import io.unifiedcrm.commerce.customer.api.CommerceCustomerCreatedEvent;
import io.unifiedcrm.commerce.projection.CommerceProcessingGroup;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code commerce.customer}, the commerce extension of a person, with the person's own statistics
 * ({@link CustomerStatsRules}; the order projection keeps them current as orders change).
 */
@Component
@ProcessingGroup(CommerceProcessingGroup.NAME)
class CustomerProjection {

    private final ReadModelJdbc jdbc;

    CustomerProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommerceCustomerCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        int inserted = jdbc.update("""
                        INSERT INTO commerce.customer (person_id, organization_id, customer_number, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING""",
                event.personId(), event.organizationId(), event.customerNumber(), Timestamp.from(at));
        if (inserted > 0) {
            // orders of the person handled before this row existed left their statistics to it
            CustomerStatsRules.storeOwnStats(jdbc, event.personId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commerce.customer");
    }
}
