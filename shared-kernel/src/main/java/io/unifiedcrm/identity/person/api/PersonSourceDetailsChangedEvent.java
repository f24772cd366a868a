package io.unifiedcrm.identity.person.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's source details (a JSON object, e.g. campaign or form) after the change; {@code null} = removed. */
@Revision("1")
public record PersonSourceDetailsChangedEvent(UUID personId, UUID organizationId, Map<String, Object> sourceDetails) {
}
