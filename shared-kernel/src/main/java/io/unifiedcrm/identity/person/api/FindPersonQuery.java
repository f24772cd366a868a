package io.unifiedcrm.identity.person.api;

import java.util.UUID;

/** Answered with an {@code Optional<PersonView>}; a person of another organization is not found. */
public record FindPersonQuery(UUID organizationId, UUID personId) {
}
