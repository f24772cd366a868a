package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A pipeline's stages in order, as a deal sees them when it is created or moved. */
public record PipelineLayout(UUID pipelineId, List<PipelineStage> stages) {

    public PipelineLayout {
        stages = List.copyOf(stages);
    }

    public Optional<PipelineStage> stage(UUID stageId) {
        return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
    }

    /** The first open stage: a pipeline always has one. */
    public PipelineStage firstOpenStage() {
        return stages.stream().filter(stage -> !stage.isClosed()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Pipeline " + pipelineId + " has no open stage"));
    }

    public Optional<PipelineStage> firstWonStage() {
        return stages.stream().filter(PipelineStage::isWon).findFirst();
    }

    /** The first stage that is closed and not won. */
    public Optional<PipelineStage> firstLostStage() {
        return stages.stream().filter(PipelineStage::isLost).findFirst();
    }
}
