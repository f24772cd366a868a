package io.unifiedcrm.infrastructure.security;

import java.util.UUID;

/**
 * The organization of the authenticated caller; a controller method parameter of this type is filled from the
 * credential (never from the request), so every command and query is scoped to it.
 */
public record CallerOrganization(UUID id) {
}
