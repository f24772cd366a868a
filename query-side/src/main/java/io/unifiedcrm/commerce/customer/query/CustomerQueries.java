package io.unifiedcrm.commerce.customer.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.commerce.customer.api.FindCustomerQuery;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.sql.Timestamp;
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

/** {@code GET /api/v1/customers/{personId}} and its query handler over {@code commerce.customer}. */
@Component
class CustomerQueries {

    private final JdbcTemplate jdbc;

    CustomerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomerQuery query) {
        // a survivor shows the record of a person merged into it when it has none of its own
        return jdbc.query(MergedPersons.CTE + """
                        SELECT person_id, customer_number, created_at
                        FROM commerce.customer JOIN merged ON merged.id = person_id
                        WHERE organization_id = ? ORDER BY merged.depth, created_at, person_id LIMIT 1""",
                (row, index) -> new CustomerView(row.getObject("person_id", UUID.class),
                        row.getString("customer_number"), row.getObject("created_at", Timestamp.class).toInstant()),
                query.personId(), query.organizationId(), query.organizationId()).stream().findFirst();
    }

    @RestController
    static class CustomerQueryController {

        private final QueryGateway queries;

        CustomerQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/v1/customers/{personId}")
        @Operation(summary = "Read the commerce customer record of a person (customer number)")
        CustomerView get(CallerOrganization organization, @PathVariable UUID personId) {
            return queries.query(new FindCustomerQuery(organization.id(), personId),
                    ResponseTypes.optionalInstanceOf(CustomerView.class)).join()
                    .orElseThrow(DomainRuleViolation::notFound);
        }
    }
}
