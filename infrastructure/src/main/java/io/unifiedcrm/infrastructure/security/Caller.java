package io.unifiedcrm.infrastructure.security;

import java.util.UUID;

/** Who is calling the API, as established by the credential — the only source of the tenant. */
public sealed interface Caller permits OrganizationCaller, PlatformAdmin {

    /** The audit name of the caller, stored in every message's metadata. */
    String actor();

    /** Whether this caller may see the given organization at all. */
    boolean mayAccess(UUID organizationId);
}
