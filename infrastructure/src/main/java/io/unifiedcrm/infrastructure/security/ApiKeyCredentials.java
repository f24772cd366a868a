package io.unifiedcrm.infrastructure.security;

import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Looks up the organization an API key belongs to, by the hash of the presented secret: in the {@link ApiKeyCache},
 * else in {@code auth.api_key}.
 */
@Component
public class ApiKeyCredentials {

    private final JdbcTemplate jdbc;
    private final ApiKeyCache cache;

    public ApiKeyCredentials(JdbcTemplate jdbc, ApiKeyCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public Optional<OrganizationCaller> find(String presentedSecret) {
        return cache.find(ApiKeySecret.sha256Hex(presentedSecret), this::lookUp);
    }

    private Optional<OrganizationCaller> lookUp(String keyHash) {
        return jdbc.query("""
                        SELECT organization_id, api_key_id, access FROM auth.api_key
                        WHERE key_hash = ? AND revoked_at IS NULL""",
                (row, index) -> new OrganizationCaller(
                        row.getObject("organization_id", UUID.class),
                        "apiKey:" + row.getObject("api_key_id", UUID.class),
                        ApiKeyAccess.valueOf(row.getString("access")).scopes()),
                keyHash).stream().findFirst();
    }
}
