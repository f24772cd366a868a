package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A merged person is its own person again (the merge into {@code formerSurvivorId} was undone). */
@Revision("1")
public record PersonRestoredFromMergeEvent(UUID personId, UUID organizationId, UUID formerSurvivorId) {
}
