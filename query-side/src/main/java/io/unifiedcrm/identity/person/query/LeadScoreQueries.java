package io.unifiedcrm.identity.person.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.api.FindLeadScoreQuery;
import io.unifiedcrm.identity.person.api.LeadScoreEntryView;
import io.unifiedcrm.identity.person.api.LeadScoreView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
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
 * {@code GET /api/v1/persons/{id}/lead-score}: the score and the history of the points that make it up — each source
 * once, as the rulebook counts it, even when a deal or an activity was given from one merged person to another.
 */
@Component
class LeadScoreQueries {

    static final int HISTORY_LIMIT = 200;

    private final JdbcTemplate jdbc;

    LeadScoreQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<LeadScoreView> handle(FindLeadScoreQuery query) {
        List<Map<String, Object>> person = jdbc.queryForList("""
                        SELECT lead_score, flags_rulebook_version FROM identity.person
                        WHERE id = ? AND organization_id = ?""", query.personId(), query.organizationId());
        if (person.isEmpty()) {
            return Optional.empty();
        }
        List<LeadScoreEntryView> entries = jdbc.query(MergedPersons.CTE + """
                        SELECT * FROM (
                            SELECT DISTINCT ON (e.source_id) e.person_id, e.reason, e.points, e.occurred_at,
                                   e.source_id, e.rulebook_version
                            FROM identity.lead_score_entry e JOIN merged ON merged.id = e.person_id
                            WHERE e.organization_id = ?
                            ORDER BY e.source_id, e.occurred_at, e.person_id) awarded
                        ORDER BY occurred_at DESC, source_id DESC LIMIT ?""",
                (row, index) -> new LeadScoreEntryView(row.getObject("person_id", UUID.class), row.getString("reason"),
                        row.getInt("points"), row.getObject("occurred_at", Timestamp.class).toInstant(),
                        row.getString("source_id"), row.getString("rulebook_version")),
                query.personId(), query.organizationId(), query.organizationId(), HISTORY_LIMIT);
        return Optional.of(new LeadScoreView(query.personId(), ((Number) person.get(0).get("lead_score")).intValue(),
                (String) person.get(0).get("flags_rulebook_version"), entries));
    }

    @RestController
    static class LeadScoreQueryController {

        private final QueryGateway queries;

        LeadScoreQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/v1/persons/{personId}/lead-score")
        @Operation(summary = "Read a person's lead score and the history of the points that make it up")
        LeadScoreView get(CallerOrganization organization, @PathVariable UUID personId) {
            return queries.query(new FindLeadScoreQuery(organization.id(), personId),
                    ResponseTypes.optionalInstanceOf(LeadScoreView.class)).join()
                    .orElseThrow(DomainRuleViolation::notFound);
        }
    }
}
