package io.unifiedcrm.identity.organization.query;

import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import io.unifiedcrm.identity.organization.api.ApiKeyPage;
import io.unifiedcrm.identity.organization.api.ApiKeyView;
import io.unifiedcrm.identity.organization.api.FindApiKeysQuery;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lists an organization's API keys from the credential table, in issue order, never with their hashes. */
@Component
class ApiKeyQueryHandler {

    private final JdbcTemplate jdbc;

    ApiKeyQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ApiKeyPage handle(FindApiKeysQuery query) {
        List<ApiKeyView> keys = jdbc.query("""
                        SELECT api_key_id, access, issued_at, revoked_at FROM auth.api_key k
                        WHERE organization_id = ?
                          AND (?::uuid IS NULL OR (issued_at, api_key_id) > (
                                SELECT issued_at, api_key_id FROM auth.api_key
                                WHERE api_key_id = ?::uuid AND organization_id = k.organization_id))
                        ORDER BY issued_at, api_key_id
                        LIMIT ?""",
                (row, index) -> new ApiKeyView(row.getObject("api_key_id", UUID.class),
                        ApiKeyAccess.valueOf(row.getString("access")).code(),
                        row.getTimestamp("issued_at").toInstant(),
                        instantOf(row.getTimestamp("revoked_at"))),
                query.organizationId(), query.afterApiKeyId(), query.afterApiKeyId(), query.limit() + 1);
        boolean hasMore = keys.size() > query.limit();
        return new ApiKeyPage(hasMore ? keys.subList(0, query.limit()) : keys, hasMore);
    }

    private static java.time.Instant instantOf(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
