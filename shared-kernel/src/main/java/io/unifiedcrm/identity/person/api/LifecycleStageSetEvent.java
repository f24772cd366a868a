package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's lifecycle stage was set explicitly ({@code lifecycleStage} is the stage's code). */
@Revision("1")
public record LifecycleStageSetEvent(UUID personId, UUID organizationId, String lifecycleStage) {
}
