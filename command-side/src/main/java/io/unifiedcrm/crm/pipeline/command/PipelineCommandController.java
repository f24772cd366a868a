package io.unifiedcrm.crm.pipeline.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.pipeline.api.AddPipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.ChangePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.CreatePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.NewPipelineStage;
import io.unifiedcrm.crm.pipeline.api.RemovePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.RenamePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.ReorderPipelineStagesCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineCommandController {

    private final CommandGateway commands;

    PipelineCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Create a pipeline with its stages in order (at least one open stage)",
            description = "An organization has at most 100 pipelines, the default one included: past that 409 "
                    + "pipeline_limit_reached.")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreatePipelineRequest request) {
        UUID pipelineId = UUID.randomUUID();
        List<NewPipelineStage> stages = request.stages().stream().map(stage -> new NewPipelineStage(
                UUID.randomUUID(), stage.name(), stage.probability(), stage.forecastCategory(), stage.isClosed(),
                stage.isWon())).toList();
        long version = commands.<Long>sendAndWait(new CreatePipelineCommand(pipelineId, organization.id(),
                request.name(), stages, false));
        return CommandAccepted.created(URI.create("/api/v1/pipelines/" + pipelineId), pipelineId, version);
    }

    @PatchMapping(path = "/{pipelineId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Rename a pipeline")
    ResponseEntity<CommandAccepted> rename(CallerOrganization organization, @PathVariable UUID pipelineId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody PipelinePatchRequest request) {
        return CommandAccepted.ok(pipelineId, commands.<Long>sendAndWait(new RenamePipelineCommand(pipelineId,
                organization.id(), request.name(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{pipelineId}/stages")
    @Operation(summary = "Add a stage at a position (1 is first) or last; answers the new stage's id")
    ResponseEntity<StageAdded> addStage(CallerOrganization organization, @PathVariable UUID pipelineId,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody AddStageRequest request) {
        UUID stageId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new AddPipelineStageCommand(pipelineId, organization.id(),
                new NewPipelineStage(stageId, request.name(), request.probability(), request.forecastCategory(),
                        request.isClosed(), request.isWon()), request.position(), IfMatch.expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(String.valueOf(version)).body(new StageAdded(pipelineId, version, stageId));
    }

    @PatchMapping(path = "/{pipelineId}/stages/{stageId}", consumes = {"application/merge-patch+json",
            "application/json"})
    @Operation(summary = "Change a stage's name, probability, forecast category or flags",
            description = "isClosed and isWon change only while no deal is in the stage (409 stage_has_deals).")
    ResponseEntity<CommandAccepted> changeStage(CallerOrganization organization, @PathVariable UUID pipelineId,
                                                @PathVariable UUID stageId,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                @Valid @RequestBody StagePatchRequest request) {
        return CommandAccepted.ok(pipelineId, commands.<Long>sendAndWait(new ChangePipelineStageCommand(pipelineId,
                organization.id(), stageId, request.name(), request.probability(), request.forecastCategory(),
                request.isClosed(), request.isWon(), IfMatch.expectedVersion(ifMatch))));
    }

    @PutMapping("/{pipelineId}/stage-order")
    @Operation(summary = "Put the stages in a new order (every stage id once)")
    ResponseEntity<CommandAccepted> reorder(CallerOrganization organization, @PathVariable UUID pipelineId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody StageOrderRequest request) {
        return CommandAccepted.ok(pipelineId, commands.<Long>sendAndWait(new ReorderPipelineStagesCommand(
                pipelineId, organization.id(), request.stageIds(), IfMatch.expectedVersion(ifMatch))));
    }

    @DeleteMapping("/{pipelineId}/stages/{stageId}")
    @Operation(summary = "Remove a stage without deals (409 stage_has_deals while deals are in it)")
    ResponseEntity<CommandAccepted> removeStage(CallerOrganization organization, @PathVariable UUID pipelineId,
                                                @PathVariable UUID stageId,
                                                @RequestHeader(name = IfMatch.HEADER, required = false)
                                                String ifMatch) {
        return CommandAccepted.ok(pipelineId, commands.<Long>sendAndWait(new RemovePipelineStageCommand(pipelineId,
                organization.id(), stageId, IfMatch.expectedVersion(ifMatch))));
    }
}
