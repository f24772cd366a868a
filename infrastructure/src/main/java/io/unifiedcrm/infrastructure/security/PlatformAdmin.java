package io.unifiedcrm.infrastructure.security;

import java.util.UUID;

/** The operator of the deployment, holding the platform admin key: manages organizations and projections. */
public record PlatformAdmin() implements Caller {

    @Override
    public String actor() {
        return "admin";
    }

    @Override
    public boolean mayAccess(UUID organizationId) {
        return true;
    }
}
