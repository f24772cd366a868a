package io.unifiedcrm.crm.contact.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.contact.api.ContactView;
import io.unifiedcrm.crm.contact.api.FindContactQuery;
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

/** {@code GET /api/v1/contacts/{personId}} and its query handler over {@code crm.contact}. */
@Component
class ContactQueries {

    private final JdbcTemplate jdbc;

    ContactQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ContactView> handle(FindContactQuery query) {
        // a survivor shows the record of a person merged into it when it has none of its own
        return jdbc.query(MergedPersons.CTE + """
                        SELECT person_id, lead_status, lead_source, created_at FROM crm.contact JOIN merged ON merged.id = person_id
                        WHERE organization_id = ? ORDER BY merged.depth, created_at, person_id LIMIT 1""",
                (row, index) -> new ContactView(row.getObject("person_id", UUID.class), row.getString("lead_status"),
                        row.getString("lead_source"), row.getObject("created_at", Timestamp.class).toInstant()),
                query.personId(), query.organizationId(), query.organizationId()).stream().findFirst();
    }

    @RestController
    static class ContactQueryController {

        private final QueryGateway queries;

        ContactQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/v1/contacts/{personId}")
        @Operation(summary = "Read the CRM contact record of a person (lead status and source)")
        ContactView get(CallerOrganization organization, @PathVariable UUID personId) {
            return queries.query(new FindContactQuery(organization.id(), personId),
                    ResponseTypes.optionalInstanceOf(ContactView.class)).join()
                    .orElseThrow(DomainRuleViolation::notFound);
        }
    }
}
