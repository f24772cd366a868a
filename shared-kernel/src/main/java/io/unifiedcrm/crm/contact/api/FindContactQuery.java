package io.unifiedcrm.crm.contact.api;

import java.util.UUID;

/** Answered with an {@code Optional<ContactView>}; another organization's contact is not found. */
public record FindContactQuery(UUID organizationId, UUID personId) {
}
