package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.Aggregate;
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
            // ids are unique across aggregate types: an id of another type's aggregate is an unknown one here
            if (!(rootOf(pipelines.load(pipelineId.toString())) instanceof Pipeline pipeline)) {
                throw unknown();
            }
            return pipeline.layoutFor(organizationId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw unknown();
        } catch (DomainRuleViolation violation) {
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknown() : violation;
        }
    }

    /** The aggregate's root object, whatever its type (no cast to the repository's type). */
    @SuppressWarnings("unchecked")
    public static Object rootOf(Aggregate<?> aggregate) {
        return ((Aggregate<Object>) aggregate).invoke(Function.identity());
    }

    private static DomainRuleViolation unknown() {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PIPELINE, "pipelineId",
                "No pipeline with this id in this organization.");
    }
}
