package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person was merged into {@code survivorId} and is a tombstone; commands on it are refused. */
@Revision("1")
public record PersonMergedIntoEvent(UUID personId, UUID organizationId, UUID survivorId) {
}
