package io.unifiedcrm.commerce.customer.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.commerce.customer.api.FindCustomerQuery;
import io.unifiedcrm.commerce.customer.projection.CustomerStatsRules;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/{personId}} and its query handler over {@code commerce.customer}, with the statistics of
 * {@link CustomerStatsRules}.
 */
@Component
class CustomerQueries {

    private final JdbcTemplate jdbc;

    CustomerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomerQuery query) {
        // a survivor shows the record of a person merged into it when it has none of its own, and the statistics of
        // its own orders and of the orders of everybody merged into it
        Instant now = Instant.now();
        return jdbc.query(MergedPersons.CTE + """
                        SELECT c.person_id, c.customer_number, c.created_at, s.*,
                               coalesce(s.currency, organization.base_currency) AS stats_currency
                        FROM (SELECT person_id, customer_number, created_at
                              FROM commerce.customer JOIN merged ON merged.id = person_id
                              WHERE organization_id = ? ORDER BY merged.depth, created_at, person_id LIMIT 1) c
                        CROSS JOIN %s(?, ARRAY(SELECT id FROM merged)) s
                        LEFT JOIN identity.organization organization ON organization.id = ?"""
                        .formatted(CustomerStatsRules.FUNCTION),
                (row, index) -> view(row, now), query.personId(), query.organizationId(), query.organizationId(),
                query.organizationId(), query.organizationId()).stream().findFirst();
    }

    private static CustomerView view(ResultSet row, Instant now) throws SQLException {
        String currency = row.getString("stats_currency");
        Instant lastOrderDate = instant(row, "last_order_date");
        return new CustomerView(row.getObject("person_id", UUID.class), row.getString("customer_number"),
                instant(row, "created_at"), money(row.getBigDecimal("total_spent"), currency),
                row.getInt("order_count"), money(row.getBigDecimal("average_order_value"), currency),
                instant(row, "first_order_date"), lastOrderDate, row.getString("cohort"), row.getString("segment"),
                CustomerStatsRules.recencySegment(lastOrderDate, now), row.getString("preferred_payment_method"),
                row.getString("preferred_shipping_method"));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getObject(column, Timestamp.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @RestController
    static class CustomerQueryController {

        private final QueryGateway queries;

        CustomerQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @ReadYourWrites
        @GetMapping("/api/v1/customers/{personId}")
        @Operation(summary = "Read the commerce customer record of a person: customer number and order statistics",
                description = "The statistics cover the person's orders and those of everybody merged into the "
                        + "person; recencySegment is derived from lastOrderDate when read.")
        CustomerView get(CallerOrganization organization, @PathVariable UUID personId) {
            return queries.query(new FindCustomerQuery(organization.id(), personId),
                    ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                    .orElseThrow(DomainRuleViolation::notFound);
        }
    }
}
