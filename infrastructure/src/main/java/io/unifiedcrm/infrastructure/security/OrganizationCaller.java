package io.unifiedcrm.infrastructure.security;

import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import java.util.UUID;

/** A caller holding one of an organization's API keys. */
public record OrganizationCaller(UUID organizationId, UUID apiKeyId, ApiKeyAccess access) implements Caller {

    @Override
    public String actor() {
        return "apiKey:" + apiKeyId;
    }

    @Override
    public boolean mayAccess(UUID organization) {
        return organizationId.equals(organization);
    }
}
