package io.unifiedcrm.crm.pipeline.projection;

import io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineRenamedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineStageAddedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageChangedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageRemovedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStagesReorderedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code crm.pipeline} and {@code crm.pipeline_stage} (processing group "crm") from the Pipeline's events only.
 * Idempotent by the pipeline row's version, the aggregate's sequence number: an event changes the rows only when it
 * moves that version forward. A removed stage keeps its row, marked removed and without a position.
 */
@Component
@ProcessingGroup("crm")
class PipelineProjection {

    private final ReadModelJdbc jdbc;

    PipelineProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PipelineCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        int created = jdbc.update("""
                        INSERT INTO crm.pipeline (id, organization_id, name, is_default, created_at, updated_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.pipelineId(), event.organizationId(), event.name(), event.isDefault(), Timestamp.from(at),
                Timestamp.from(at), sequenceNumber);
        if (created > 0) {
            List<Object[]> rows = new ArrayList<>();
            for (int index = 0; index < event.stages().size(); index++) {
                rows.add(stageRow(event.pipelineId(), event.organizationId(), event.stages().get(index), index + 1));
            }
            jdbc.batchUpdate(INSERT_STAGE, rows);
        }
    }

    @EventHandler
    void on(PipelineRenamedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(event.pipelineId(), sequenceNumber, at, "name = ?", event.name());
    }

    @EventHandler
    void on(PipelineStageAddedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.pipelineId(), sequenceNumber, at, null)) {
            jdbc.update(INSERT_STAGE, stageRow(event.pipelineId(), event.organizationId(), event.stage(), null));
            order(event.stageOrder());
        }
    }

    @EventHandler
    void on(PipelineStageChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.pipelineId(), sequenceNumber, at, null)) {
            PipelineStage stage = event.stage();
            jdbc.update("""
                            UPDATE crm.pipeline_stage SET name = ?, probability = ?, forecast_category = ?,
                                is_closed = ?, is_won = ?
                            WHERE id = ?""",
                    stage.name(), stage.probability(), stage.forecastCategory(), stage.isClosed(), stage.isWon(),
                    stage.id());
        }
    }

    @EventHandler
    void on(PipelineStagesReorderedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.pipelineId(), sequenceNumber, at, null)) {
            order(event.stageOrder());
        }
    }

    @EventHandler
    void on(PipelineStageRemovedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.pipelineId(), sequenceNumber, at, null)) {
            jdbc.update("UPDATE crm.pipeline_stage SET removed = TRUE, position = NULL WHERE id = ?",
                    event.stageId());
            order(event.stageOrder());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.pipeline_stage");
        jdbc.update("DELETE FROM crm.pipeline");
    }

    private static final String INSERT_STAGE = """
            INSERT INTO crm.pipeline_stage (id, pipeline_id, organization_id, position, name, probability,
                forecast_category, is_closed, is_won)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    private static Object[] stageRow(UUID pipelineId, UUID organizationId, PipelineStage stage, Integer position) {
        return new Object[] {stage.id(), pipelineId, organizationId, position, stage.name(), stage.probability(),
                stage.forecastCategory(), stage.isClosed(), stage.isWon()};
    }

    /** Positions 1, 2, … in the event's order. */
    private void order(List<UUID> stageOrder) {
        List<Object[]> positions = new ArrayList<>();
        for (int index = 0; index < stageOrder.size(); index++) {
            positions.add(new Object[] {index + 1, stageOrder.get(index)});
        }
        jdbc.batchUpdate("UPDATE crm.pipeline_stage SET position = ? WHERE id = ?", positions);
    }

    /**
     * Applies an event to the pipeline's row when it is the row's next: sets the assignments (may be {@code null}),
     * the version and the update time. @return whether it did (false: the event was applied before)
     */
    private boolean advance(UUID pipelineId, long sequenceNumber, Instant at, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.addAll(List.of(sequenceNumber, Timestamp.from(at), pipelineId, sequenceNumber));
        return jdbc.update("UPDATE crm.pipeline SET " + (assignments == null ? "" : assignments + ", ")
                + "version = ?, updated_at = ? WHERE id = ? AND version < ?", arguments.toArray()) > 0;
    }
}
