package io.unifiedcrm.crm.contact.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.contact.api.ContactView;
import io.unifiedcrm.crm.contact.api.FindContactQuery;
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

/** {@code GET /api/v1/contacts/{personId}} and its query handler over {@code crm.contact} and {@code crm.activity}. */
@Component
class ContactQueries {

    private final JdbcTemplate jdbc;

    ContactQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ContactView> handle(FindContactQuery query) {
        // a survivor shows the record of a person merged into it when it has none of its own; lastContactedAt, the
        // last purchase and the custom-properties record come from the survivor and everybody merged into it
        return jdbc.query(MergedPersons.CTE + """
                        SELECT c.*,
                               (SELECT max(a.contacted_at) FROM crm.activity a
                                WHERE a.organization_id = c.organization_id AND a.person_id IN (SELECT id FROM merged))
                                   AS contacted_at,
                               purchase.occurred_at AS purchase_at, purchase.amount AS purchase_amount,
                               purchase.currency AS purchase_currency,
                               (SELECT r.id FROM platform.record r JOIN merged m ON m.id = r.person_id
                                WHERE r.organization_id = c.organization_id AND r.object_type = 'contact'
                                ORDER BY m.depth, r.created_at, r.id LIMIT 1) AS record_id
                        FROM (SELECT contact.* FROM crm.contact contact JOIN merged ON merged.id = contact.person_id
                              WHERE contact.organization_id = ?
                              ORDER BY merged.depth, contact.created_at, contact.person_id LIMIT 1) c
                        LEFT JOIN LATERAL (
                            SELECT a.occurred_at, a.amount, a.currency FROM crm.activity a
                            WHERE a.organization_id = c.organization_id AND a.type = 'purchase'
                              AND a.person_id IN (SELECT id FROM merged)
                            ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1) purchase ON TRUE""",
                (row, index) -> view(row), query.personId(), query.organizationId(), query.organizationId())
                .stream().findFirst();
    }

    private static ContactView view(ResultSet row) throws SQLException {
        BigDecimal amount = row.getBigDecimal("purchase_amount");
        String currency = row.getString("purchase_currency");
        return new ContactView(row.getObject("person_id", UUID.class), row.getString("lead_status"),
                row.getString("lead_source"), row.getString("job_title"), row.getString("department"),
                row.getObject("company_id", UUID.class), row.getObject("owner_id", UUID.class),
                instant(row, "next_follow_up"), instant(row, "contacted_at"), instant(row, "purchase_at"),
                amount == null || currency == null ? null : new Money(amount, currency),
                row.getObject("record_id", UUID.class), instant(row, "created_at"), instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getObject(column, Timestamp.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @RestController
    static class ContactQueryController {

        private final QueryGateway queries;

        ContactQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @ReadYourWrites
        @GetMapping("/api/v1/contacts/{personId}")
        @Operation(summary = "Read the CRM contact of a person: lead status and source, job, company, owner, "
                + "follow-up, last contact and last purchase",
                description = "lastContactedAt and the last purchase cover the person and everybody merged into it; "
                        + "recordId is the person's contact record (custom properties), if any.")
        ContactView get(CallerOrganization organization, @PathVariable UUID personId) {
            return queries.query(new FindContactQuery(organization.id(), personId),
                    ResponseTypes.optionalInstanceOf(ContactView.class)).join()
                    .orElseThrow(DomainRuleViolation::notFound);
        }
    }
}
