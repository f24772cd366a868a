package io.unifiedcrm.identity.organization.command;

import io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent;
import io.unifiedcrm.identity.organization.api.ApiKeyRevokedEvent;
import io.unifiedcrm.infrastructure.security.ApiKeyCache;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code auth.api_key} — the credentials every application authenticates against — in step with the events.
 * Runs in a subscribing processor, so a key is stored in the same transaction as the event that issues it and is
 * usable as soon as the command returns; a revoked key is forgotten by this instance's {@link ApiKeyCache} as soon
 * as the revocation has committed (other instances notice the stored keys' revision move).
 */
@Component
@ProcessingGroup(ApiKeyRegistry.PROCESSING_GROUP)
class ApiKeyRegistry {

    static final String PROCESSING_GROUP = "credentials";

    private final JdbcTemplate jdbc;
    private final ApiKeyCache cache;

    ApiKeyRegistry(JdbcTemplate jdbc, ApiKeyCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event, @org.axonframework.eventhandling.Timestamp Instant issuedAt) {
        jdbc.update("""
                        INSERT INTO auth.api_key (api_key_id, organization_id, key_hash, access, issued_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (api_key_id) DO NOTHING""",
                event.apiKeyId(), event.organizationId(), event.keyHash(), event.access().name(),
                Timestamp.from(issuedAt));
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant revokedAt) {
        jdbc.update("UPDATE auth.api_key SET revoked_at = ? WHERE api_key_id = ? AND revoked_at IS NULL",
                Timestamp.from(revokedAt), event.apiKeyId());
        cache.forgetAllAfterCommit();
    }
}
