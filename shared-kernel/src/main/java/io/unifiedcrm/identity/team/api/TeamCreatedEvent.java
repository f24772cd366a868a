package io.unifiedcrm.identity.team.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamCreatedEvent(UUID teamId, UUID organizationId, String name) {
}
