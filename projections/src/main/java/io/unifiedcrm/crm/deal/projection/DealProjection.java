package io.unifiedcrm.crm.deal.projection;

import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealLostEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealStageMovedEvent;
import io.unifiedcrm.crm.deal.api.DealStatus;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.shared.Money;
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
 * Builds {@code crm.deal} and {@code crm.deal_stage_history} (processing group "crm") from the Deal's events only:
 * a stage move closes the deal's current stay (left at the event's time, its length in milliseconds) and opens the
 * next, keyed by the entering event's sequence number. Idempotent by the deal row's version, the aggregate's sequence
 * number. Stage names and probabilities are the pipeline's, joined when read: the "crm" group needs no ordering
 * across aggregates, so it keeps the default sequencing per aggregate.
 */
@Component
@ProcessingGroup("crm")
class DealProjection {

    private final ReadModelJdbc jdbc;

    DealProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DealCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Money amount = event.amount();
        jdbc.update("""
                        INSERT INTO crm.deal (id, organization_id, name, amount, currency, pipeline_id, stage_id,
                            status, close_date, owner_id, person_id, company_id, stage_entered_at, created_at,
                            updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.dealId(), event.organizationId(), event.name(), amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency(), event.pipelineId(), event.stageId(),
                DealStatus.inStage(event.stageIsClosed(), event.stageIsWon()).code(), event.closeDate(),
                event.ownerId(), event.personId(), event.companyId(), Timestamp.from(at), Timestamp.from(at),
                Timestamp.from(at), sequenceNumber);
        jdbc.update("""
                        INSERT INTO crm.deal_stage_history (deal_id, entered_sequence, organization_id, pipeline_id,
                            stage_id, entered_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.dealId(), sequenceNumber, event.organizationId(), event.pipelineId(), event.stageId(),
                Timestamp.from(at));
    }

    @EventHandler
    void on(DealChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Money amount = event.amount();
        advance(event.dealId(), sequenceNumber, at, "name = ?, amount = ?, currency = ?, close_date = ?, "
                        + "owner_id = ?, person_id = ?, company_id = ?", event.name(),
                amount == null ? null : amount.amount(), amount == null ? null : amount.currency(),
                event.closeDate(), event.ownerId(), event.personId(), event.companyId());
    }

    @EventHandler
    void on(DealStageMovedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        entered(event.dealId(), event.organizationId(), event.pipelineId(), event.stageId(), sequenceNumber, at,
                DealStatus.OPEN, null, null);
    }

    @EventHandler
    void on(DealWonEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        entered(event.dealId(), event.organizationId(), event.pipelineId(), event.stageId(), sequenceNumber, at,
                DealStatus.WON, null, Timestamp.from(at));
    }

    @EventHandler
    void on(DealLostEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        entered(event.dealId(), event.organizationId(), event.pipelineId(), event.stageId(), sequenceNumber, at,
                DealStatus.LOST, event.reason(), Timestamp.from(at));
    }

    @EventHandler
    void on(DealReopenedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        entered(event.dealId(), event.organizationId(), event.pipelineId(), event.stageId(), sequenceNumber, at,
                DealStatus.OPEN, null, null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.deal_stage_history");
        jdbc.update("DELETE FROM crm.deal");
    }

    /** The deal entered a stage: its row, the end of its current stay and the start of the next. */
    private void entered(UUID dealId, UUID organizationId, UUID pipelineId, UUID stageId, long sequenceNumber,
                         Instant at, DealStatus status, String lostReason, Timestamp closedAt) {
        if (advance(dealId, sequenceNumber, at, "stage_id = ?, status = ?, lost_reason = ?, "
                + "closed_at = cast(? AS timestamptz), stage_entered_at = ?", stageId, status.code(), lostReason,
                closedAt, Timestamp.from(at))) {
            jdbc.update("""
                            UPDATE crm.deal_stage_history
                            SET left_at = ?,
                                time_in_stage_ms = floor(extract(EPOCH FROM (cast(? AS timestamptz) - entered_at))
                                                         * 1000)::BIGINT
                            WHERE deal_id = ? AND left_at IS NULL""",
                    Timestamp.from(at), Timestamp.from(at), dealId);
            jdbc.update("""
                            INSERT INTO crm.deal_stage_history (deal_id, entered_sequence, organization_id,
                                pipeline_id, stage_id, entered_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    dealId, sequenceNumber, organizationId, pipelineId, stageId, Timestamp.from(at));
        }
    }

    /**
     * Applies an event to the deal's row when it is the row's next: sets the assignments, the version and the update
     * time. @return whether it did (false: the event was applied before)
     */
    private boolean advance(UUID dealId, long sequenceNumber, Instant at, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.addAll(List.of(sequenceNumber, Timestamp.from(at), dealId, sequenceNumber));
        return jdbc.update("UPDATE crm.deal SET " + assignments + ", version = ?, updated_at = ? "
                + "WHERE id = ? AND version < ?", arguments.toArray()) > 0;
    }
}
