package io.unifiedcrm.identity.organization.api;

import java.util.UUID;

/** Answered with an {@code Optional<OrganizationView>}. */
public record FindOrganizationQuery(UUID organizationId) {
}
