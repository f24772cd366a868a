package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Pipelines as deals see them, from the Pipeline aggregate loaded in the caller's unit of work: a deal is created or
 * moved against the pipeline's stages as they are when the command runs (and a stage cannot be removed meanwhile:
 * the pipeline is locked until the deal's unit of work ends).
 */
@Component
public class PipelineStages {

    private final Repository<Pipeline> pipelines;

    public PipelineStages(Repository<Pipeline> pipelines) {
        this.pipelines = pipelines;
    }

    /** @throws DomainRuleViolation {@code unknown_pipeline} for a missing or foreign pipeline (named in a body) */
    public PipelineLayout layoutOf(UUID organizationId, UUID pipelineId) {
        if (pipelineId == null) {
            throw unknown();
        }
        try {
            return pipelines.load(pipelineId.toString()).invoke(pipeline -> pipeline.layoutFor(organizationId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw unknown();
        } catch (DomainRuleViolation violation) {
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknown() : violation;
        }
    }

    private static DomainRuleViolation unknown() {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PIPELINE, "pipelineId",
                "No pipeline with this id in this organization.");
    }
}
