package io.unifiedcrm.crm.pipeline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.crm.pipeline.api.AddPipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.ChangePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.CreatePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.NewPipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineRenamedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineStageAddedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageChangedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageRemovedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStagesReorderedEvent;
import io.unifiedcrm.crm.pipeline.api.RemovePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.RenamePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.ReorderPipelineStagesCommand;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.RequiredText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sales pipeline (seed: crm.pipeline): ordered stages, each with a stable id, a win probability, a forecast
 * category and whether deals in it are closed and won. At least one stage is open. A stage's closed and won flags
 * change, and the stage is removed, only while no deal is in it ({@link DealsPerStage}).
 */
@Aggregate(cache = "pipelineCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Pipeline {

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private UUID pipelineId;
    private UUID organizationId;
    private String name;
    /** The stages by id, in the pipeline's order. */
    private final Map<UUID, PipelineStage> stages = new LinkedHashMap<>();

    protected Pipeline() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreatePipelineCommand command) {
        String pipelineName = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
        List<NewPipelineStage> requested = command.stages() == null ? List.of() : command.stages();
        if (requested.size() > StageRules.MAX_STAGES) {
            throw tooManyStages("stages");
        }
        List<PipelineStage> created = new ArrayList<>();
        for (int index = 0; index < requested.size(); index++) {
            String prefix = "stages[" + index + "].";
            PipelineStage stage = StageRules.newStage(prefix, requested.get(index));
            if (stage.id() == null || created.stream().anyMatch(other -> other.id().equals(stage.id()))) {
                throw new IllegalArgumentException("Every new stage needs its own id");
            }
            StageRules.requireFreeName(created, stage, prefix + "name");
            created.add(stage);
        }
        StageRules.requireOpenStage(created, "stages");
        apply(new PipelineCreatedEvent(command.pipelineId(), command.organizationId(), pipelineName,
                command.isDefault(), created));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RenamePipelineCommand command) {
        requirePipelineOf(command.organizationId());
        if (command.name() == null) {
            return AggregateLifecycle.getVersion();
        }
        String newName = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
        if (!newName.equals(name)) {
            apply(new PipelineRenamedEvent(pipelineId, organizationId, newName));
        }
        return AggregateLifecycle.getVersion();
    }

    /** A stage id already in the pipeline adds nothing (a retried request). */
    @CommandHandler
    public long handle(AddPipelineStageCommand command) {
        requirePipelineOf(command.organizationId());
        PipelineStage stage = StageRules.newStage("", command.stage());
        if (stages.containsKey(stage.id())) {
            return AggregateLifecycle.getVersion();
        }
        if (stages.size() >= StageRules.MAX_STAGES) {
            throw tooManyStages("stage");
        }
        int position = command.position() == null ? stages.size() + 1 : command.position();
        if (position < 1 || position > stages.size() + 1) {
            throw new DomainRuleViolation(ErrorCode.INVALID_POSITION, "position",
                    "position is from 1 to " + (stages.size() + 1) + " (1 is first; leave it out for last).");
        }
        StageRules.requireFreeName(stages.values(), stage, "name");
        List<UUID> order = new ArrayList<>(stages.keySet());
        order.add(position - 1, stage.id());
        apply(new PipelineStageAddedEvent(pipelineId, organizationId, stage, order));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangePipelineStageCommand command, DealsPerStage deals) {
        PipelineStage current = requireStage(command.organizationId(), command.stageId());
        PipelineStage changed = StageRules.changed(current, command.name(), command.probability(),
                command.forecastCategory(), command.isClosed(), command.isWon());
        if (changed.equals(current)) {
            return AggregateLifecycle.getVersion();
        }
        StageRules.requireFreeName(stages.values(), changed, "name");
        if (changed.isClosed() != current.isClosed() || changed.isWon() != current.isWon()) {
            requireNoDeals(deals, current, "its closed and won flags cannot change");
            Map<UUID, PipelineStage> after = new LinkedHashMap<>(stages);
            after.put(changed.id(), changed);
            StageRules.requireOpenStage(after.values(), "isClosed");
        }
        apply(new PipelineStageChangedEvent(pipelineId, organizationId, changed));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReorderPipelineStagesCommand command) {
        requirePipelineOf(command.organizationId());
        List<UUID> order = command.stageIds() == null ? List.of() : command.stageIds();
        if (order.size() != stages.size() || !new HashSet<>(order).equals(stages.keySet())) {
            throw new DomainRuleViolation(ErrorCode.INVALID_STAGE_ORDER, "stageIds",
                    "stageIds names every stage of the pipeline exactly once.");
        }
        if (!order.equals(new ArrayList<>(stages.keySet()))) {
            apply(new PipelineStagesReorderedEvent(pipelineId, organizationId, List.copyOf(order)));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemovePipelineStageCommand command, DealsPerStage deals) {
        PipelineStage stage = requireStage(command.organizationId(), command.stageId());
        requireNoDeals(deals, stage, "it cannot be removed");
        Map<UUID, PipelineStage> after = new LinkedHashMap<>(stages);
        after.remove(stage.id());
        StageRules.requireOpenStage(after.values(), null);
        apply(new PipelineStageRemovedEvent(pipelineId, organizationId, stage.id(), List.copyOf(after.keySet())));
        return AggregateLifecycle.getVersion();
    }

    /** The stages in order, for a deal of the caller's organization; another organization's pipeline is not found. */
    public PipelineLayout layoutFor(UUID callerOrganization) {
        requirePipelineOf(callerOrganization);
        return new PipelineLayout(pipelineId, List.copyOf(stages.values()));
    }

    private void requireNoDeals(DealsPerStage deals, PipelineStage stage, String consequence) {
        long count = deals.dealsIn(organizationId, stage.id());
        if (count > 0) {
            throw new DomainRuleViolation(ErrorCode.STAGE_HAS_DEALS, null, count
                    + (count == 1 ? " deal is" : " deals are") + " in the stage " + stage.name() + ": "
                    + consequence + " until they moved.");
        }
    }

    private void requirePipelineOf(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    /** A stage named in the path: a missing one is not found, like another organization's pipeline. */
    private PipelineStage requireStage(UUID callerOrganization, UUID stageId) {
        requirePipelineOf(callerOrganization);
        PipelineStage stage = stages.get(stageId);
        if (stage == null) {
            throw DomainRuleViolation.notFound();
        }
        return stage;
    }

    private static DomainRuleViolation tooManyStages(String field) {
        return new DomainRuleViolation(ErrorCode.TOO_MANY_STAGES, field,
                "A pipeline has at most " + StageRules.MAX_STAGES + " stages.");
    }

    @EventSourcingHandler
    void on(PipelineCreatedEvent event) {
        this.pipelineId = event.pipelineId();
        this.organizationId = event.organizationId();
        this.name = event.name();
        event.stages().forEach(stage -> stages.put(stage.id(), stage));
    }

    @EventSourcingHandler
    void on(PipelineRenamedEvent event) {
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(PipelineStageAddedEvent event) {
        stages.put(event.stage().id(), event.stage());
        order(event.stageOrder());
    }

    @EventSourcingHandler
    void on(PipelineStageChangedEvent event) {
        stages.put(event.stage().id(), event.stage());
    }

    @EventSourcingHandler
    void on(PipelineStagesReorderedEvent event) {
        order(event.stageOrder());
    }

    @EventSourcingHandler
    void on(PipelineStageRemovedEvent event) {
        stages.remove(event.stageId());
    }

    /** Called from event sourcing handlers only: puts the stages in the event's order. */
    private void order(List<UUID> stageOrder) {
        Map<UUID, PipelineStage> ordered = new LinkedHashMap<>();
        stageOrder.forEach(id -> ordered.put(id, stages.get(id)));
        stages.clear();
        stages.putAll(ordered);
    }
}
