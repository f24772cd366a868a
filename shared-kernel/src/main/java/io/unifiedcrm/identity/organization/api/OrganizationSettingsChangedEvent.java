package io.unifiedcrm.identity.organization.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The organization's settings after the change (the whole object). */
@Revision("1")
public record OrganizationSettingsChangedEvent(UUID organizationId, Map<String, Object> settings) {
}
