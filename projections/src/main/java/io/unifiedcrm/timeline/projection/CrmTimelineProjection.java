package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCompletedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealLostEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealStageMovedEvent;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineStageAddedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageChangedEvent;
import io.unifiedcrm.timeline.projection.Timeline.Subject;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * Deals and activities on the timeline of their person (none while they have none). A deal handed to another person
 * or an activity moved to one shows on both persons' timelines. Keeps each deal's and activity's name and the names of
 * pipeline stages for the summaries.
 */
@Component
@ProcessingGroup(TimelineProcessingGroup.NAME)
class CrmTimelineProjection {

    private final Timeline timeline;

    CrmTimelineProjection(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventHandler
    void on(PipelineCreatedEvent event, TrackedEventMessage<?> message) {
        long version = Occurrence.of(message).sequenceNumber();
        if (event.stages() != null) {
            event.stages().forEach(stage -> rememberStage(event.organizationId(), stage, version));
        }
    }

    @EventHandler
    void on(PipelineStageAddedEvent event, TrackedEventMessage<?> message) {
        rememberStage(event.organizationId(), event.stage(), Occurrence.of(message).sequenceNumber());
    }

    @EventHandler
    void on(PipelineStageChangedEvent event, TrackedEventMessage<?> message) {
        rememberStage(event.organizationId(), event.stage(), Occurrence.of(message).sequenceNumber());
    }

    @EventHandler
    void on(DealCreatedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        rememberDeal(event.dealId(), event.organizationId(), event.personId(), event.name(), occurrence);
        timeline.add(occurrence, event.organizationId(), event.personId(), "deal.created", event.dealId(),
                "Deal " + Timeline.quoted(event.name()) + " created in " + stage(event.organizationId(),
                        event.stageId()),
                Details.of("name", event.name()).and("amount", event.amount()).and("pipelineId", event.pipelineId())
                        .and("stageId", event.stageId()).and("closeDate", event.closeDate())
                        .and("ownerId", event.ownerId()).and("companyId", event.companyId()));
    }

    @EventHandler
    void on(DealChangedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        rememberDeal(event.dealId(), event.organizationId(), event.personId(), event.name(), occurrence);
        timeline.add(occurrence, event.organizationId(), event.personId(), event.previousPersonId(), "deal.changed",
                event.dealId(), "Deal " + Timeline.quoted(event.name()) + " changed",
                Details.of("name", event.name()).and("amount", event.amount()).and("closeDate", event.closeDate())
                        .and("ownerId", event.ownerId()).and("companyId", event.companyId())
                        .and("personId", event.personId()).and("previousPersonId", event.previousPersonId()));
    }

    @EventHandler
    void on(DealStageMovedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "deal.stage_moved",
                event.dealId(), deal(event.organizationId(), event.dealId()) + " moved from "
                        + stage(event.organizationId(), event.fromStageId()) + " to "
                        + stage(event.organizationId(), event.stageId()),
                stageChange(event.pipelineId(), event.fromStageId(), event.stageId()));
    }

    @EventHandler
    void on(DealWonEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "deal.won", event.dealId(),
                deal(event.organizationId(), event.dealId()) + " won"
                        + (event.amount() == null ? "" : ": " + Timeline.money(event.amount())),
                stageChange(event.pipelineId(), event.fromStageId(), event.stageId()).and("amount", event.amount()));
    }

    @EventHandler
    void on(DealLostEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "deal.lost", event.dealId(),
                deal(event.organizationId(), event.dealId()) + " lost"
                        + (event.reason() == null ? "" : ": " + event.reason()),
                stageChange(event.pipelineId(), event.fromStageId(), event.stageId()).and("reason", event.reason()));
    }

    @EventHandler
    void on(DealReopenedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "deal.reopened",
                event.dealId(), deal(event.organizationId(), event.dealId()) + " reopened in "
                        + stage(event.organizationId(), event.stageId()),
                stageChange(event.pipelineId(), event.fromStageId(), event.stageId()));
    }

    @EventHandler
    void on(ActivityCreatedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        rememberActivity(event.activityId(), event.organizationId(), event.personId(), event.subject(),
                event.type(), occurrence);
        timeline.add(occurrence, event.organizationId(), event.personId(), "activity.created", event.activityId(),
                activity(event.type(), event.subject()) + " logged" + (event.outcome() == null ? ""
                        : " (" + event.outcome().replace('_', ' ') + ")"),
                activityDetails(event.type(), event.subject(), event.outcome(), event.durationSeconds(),
                        event.occurredAt(), event.dueAt(), event.startAt(), event.endAt(), event.dealId(),
                        event.companyId(), event.ownerId()));
    }

    @EventHandler
    void on(ActivityChangedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        Subject before = timeline.subject(event.organizationId(), event.activityId());
        rememberActivity(event.activityId(), event.organizationId(), event.personId(), event.subject(),
                event.type(), occurrence);
        timeline.add(occurrence, event.organizationId(), event.personId(), before == null ? null
                : before.personId(), "activity.changed", event.activityId(),
                activity(event.type(), event.subject()) + " changed",
                activityDetails(event.type(), event.subject(), event.outcome(), event.durationSeconds(),
                        event.occurredAt(), event.dueAt(), event.startAt(), event.endAt(), event.dealId(),
                        event.companyId(), event.ownerId()));
    }

    @EventHandler
    void on(ActivityCompletedEvent event, TrackedEventMessage<?> message) {
        Subject activity = timeline.subject(event.organizationId(), event.activityId());
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "activity.completed",
                event.activityId(), activity(event.type(), activity == null ? null : activity.name())
                        + " completed",
                Details.of("type", event.type()).and("dealId", event.dealId()).and("companyId", event.companyId()));
    }

    private void rememberStage(UUID organizationId, PipelineStage stage, long version) {
        if (stage != null) {
            timeline.remember(new Subject(stage.id(), organizationId, "stage", null, stage.name(), null), version);
        }
    }

    private void rememberDeal(UUID dealId, UUID organizationId, UUID personId, String name, Occurrence occurrence) {
        timeline.remember(new Subject(dealId, organizationId, "deal", personId, name, null),
                occurrence.sequenceNumber());
    }

    private void rememberActivity(UUID activityId, UUID organizationId, UUID personId, String subject, String type,
                                  Occurrence occurrence) {
        timeline.remember(new Subject(activityId, organizationId, "activity", personId, subject, type),
                occurrence.sequenceNumber());
    }

    /** "Deal “Renewal”", or "Deal" when its name is not known. */
    private String deal(UUID organizationId, UUID dealId) {
        String name = timeline.quotedName(organizationId, dealId, null);
        return name == null ? "Deal" : "Deal " + name;
    }

    private String stage(UUID organizationId, UUID stageId) {
        return timeline.quotedName(organizationId, stageId, "another stage");
    }

    private static Details stageChange(UUID pipelineId, UUID fromStageId, UUID stageId) {
        return Details.of("pipelineId", pipelineId).and("fromStageId", fromStageId).and("stageId", stageId);
    }

    /** "Call", "Task “Call back”": the type, and the subject of those that have one. */
    private static String activity(String type, String subject) {
        String kind = type == null || type.isEmpty() ? "Activity"
                : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return subject == null ? kind : kind + " " + Timeline.quoted(subject);
    }

    private static Details activityDetails(String type, String subject, String outcome, Long durationSeconds,
                                           java.time.Instant occurredAt, java.time.Instant dueAt,
                                           java.time.Instant startAt, java.time.Instant endAt, UUID dealId,
                                           UUID companyId, UUID ownerId) {
        return Details.of("type", type).and("subject", subject).and("outcome", outcome)
                .and("durationSeconds", durationSeconds).and("occurredAt", occurredAt).and("dueAt", dueAt)
                .and("startAt", startAt).and("endAt", endAt).and("dealId", dealId).and("companyId", companyId)
                .and("ownerId", ownerId);
    }
}
