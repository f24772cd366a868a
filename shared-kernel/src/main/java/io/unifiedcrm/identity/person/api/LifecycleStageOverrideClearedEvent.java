package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The explicit lifecycle stage was removed: the stage the rulebook computes applies again. */
@Revision("1")
public record LifecycleStageOverrideClearedEvent(UUID personId, UUID organizationId) {
}
