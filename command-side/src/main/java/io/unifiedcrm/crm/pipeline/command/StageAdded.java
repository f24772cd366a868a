package io.unifiedcrm.crm.pipeline.command;

import java.util.UUID;

/** The answer to adding a stage: the pipeline's id and version (also the ETag) and the new stage's id. */
public record StageAdded(UUID id, long version, UUID stageId) {
}
