package io.unifiedcrm.crm.company.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.company.api.CompanyPage;
import io.unifiedcrm.crm.company.api.CompanyView;
import io.unifiedcrm.crm.company.api.FindCompaniesQuery;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies}: the organization's active {@code company} records (platform.record) with the number of
 * contacts whose companyId names them; contacts of persons merged into another are not counted twice.
 */
@Component
class CompanyQueries {

    private final JdbcTemplate jdbc;

    CompanyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CompanyPage handle(FindCompaniesQuery query) {
        String prefix = query.prefix() == null ? null : query.prefix().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Timestamp after = query.afterCreatedAt() == null ? null : Timestamp.from(query.afterCreatedAt());
        List<CompanyView> companies = jdbc.query("""
                        SELECT r.id, r.created_at, r.properties ->> 'name' AS name, r.properties ->> 'domain' AS domain,
                               r.properties ->> 'industry' AS industry,
                               CASE WHEN jsonb_typeof(r.properties -> 'size') = 'number' THEN
                                   CASE WHEN (r.properties ->> 'size')::numeric BETWEEN 0 AND 9223372036854775807
                                        THEN (r.properties ->> 'size')::numeric::bigint END END AS size,
                               (SELECT count(*) FROM crm.contact c
                                WHERE c.organization_id = r.organization_id AND c.company_id = r.id
                                  AND NOT EXISTS (SELECT 1 FROM identity.person p
                                                  WHERE p.id = c.person_id AND p.merged_into_id IS NOT NULL))
                                   AS contact_count
                        FROM platform.record r
                        WHERE r.organization_id = ? AND r.object_type = 'company' AND r.status = 'active'
                          AND (cast(? AS text) IS NULL OR lower(r.properties ->> 'name') LIKE ?
                               OR lower(r.properties ->> 'domain') LIKE ?)
                          AND (cast(? AS timestamptz) IS NULL OR (r.created_at, r.id) > (?, ?))
                        ORDER BY r.created_at, r.id LIMIT ?""", CompanyQueries::view,
                query.organizationId(), prefix, prefix, prefix, after, after, query.afterId(), query.limit() + 1);
        boolean hasMore = companies.size() > query.limit();
        return new CompanyPage(hasMore ? companies.subList(0, query.limit()) : companies, hasMore);
    }

    private static CompanyView view(ResultSet row, int index) throws SQLException {
        return new CompanyView(row.getObject("id", UUID.class), row.getString("name"), row.getString("domain"),
                row.getString("industry"), row.getObject("size", Long.class), row.getLong("contact_count"),
                row.getObject("created_at", Timestamp.class).toInstant());
    }

    @RestController
    static class CompanyQueryController {

        private final QueryGateway queries;

        CompanyQueryController(QueryGateway queries) {
            this.queries = queries;
        }

        @GetMapping("/api/v1/companies")
        @Operation(summary = "List the organization's companies (company records) with their number of contacts",
                description = "In creation order; q matches the start of the name or the domain in any case. A "
                        + "contact belongs to the company its companyId names.")
        ItemList<CompanyView> list(CallerOrganization organization, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
            int pageSize = Paging.limit(limit);
            Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
            CompanyPage page = queries.query(new FindCompaniesQuery(organization.id(),
                    q == null || q.isBlank() ? null : q.strip(), after.createdAt(), after.id(), pageSize),
                    CompanyPage.class).join();
            return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                    CompanyView::createdAt, CompanyView::recordId));
        }
    }
}
