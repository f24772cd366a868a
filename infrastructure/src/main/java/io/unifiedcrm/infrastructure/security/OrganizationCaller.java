package io.unifiedcrm.infrastructure.security;

import java.util.Set;
import java.util.UUID;

/**
 * A caller acting for one organization: with one of its API keys or a JWT bearing its {@code org_id}. The scopes
 * ({@code crm.read}, {@code crm.write}, {@code crm.admin}) say what the credential may do.
 */
public record OrganizationCaller(UUID organizationId, String actor, Set<String> scopes) implements Caller {

    public static final String READ = "crm.read";
    public static final String WRITE = "crm.write";
    public static final String ADMIN = "crm.admin";

    public OrganizationCaller {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public boolean mayAccess(UUID organization) {
        return organizationId.equals(organization);
    }
}
