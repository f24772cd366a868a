package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.activity.api.CallOutcome;
import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.shared.LifecycleStage;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * What deals and activities earn a person ({@link PersonFlagsRulebook} version 4): a lead when the person is the
 * primary person of an open deal, a customer when such a deal is won; lead score once per deal the person is the
 * primary person of, per connected call and per meeting logged for the person. Then the same recomputation of the
 * effective flags as {@link PersonProjection}'s.
 *
 * <p>Idempotent without versions: stages only move forward, and an award is recorded once per deal or activity
 * ({@code deal:<id>}, {@code call:<id>}, {@code meeting:<id>}), so a redelivered event — or a change that qualifies
 * again — earns nothing twice. Same processing group as the person rows (sequenced per organization), so the person
 * row exists when its deals and activities are handled.
 */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class PersonCrmFlagsProjection {

    private final PersonRows persons;
    private final LeadScores leadScores;

    PersonCrmFlagsProjection(PersonRows persons, LeadScores leadScores) {
        this.persons = persons;
        this.leadScores = leadScores;
    }

    @EventHandler
    void on(DealCreatedEvent event, @Timestamp Instant at) {
        dealFor(event.personId(), event.organizationId(), event.dealId(), event.stageIsClosed(), event.stageIsWon(),
                at);
    }

    /** A deal given to another primary person earns that person what the deal earns. */
    @EventHandler
    void on(DealChangedEvent event, @Timestamp Instant at) {
        if (event.personId() != null && !event.personId().equals(event.previousPersonId())) {
            dealFor(event.personId(), event.organizationId(), event.dealId(), event.stageIsClosed(),
                    event.stageIsWon(), at);
        }
    }

    @EventHandler
    void on(DealWonEvent event) {
        if (event.personId() != null) {
            persons.advanceOwnStageFor(event.personId(), LifecycleStage.CUSTOMER.code());
            persons.recomputeFlags(event.personId());
        }
    }

    @EventHandler
    void on(DealReopenedEvent event) {
        if (event.personId() != null) {
            persons.advanceOwnStageFor(event.personId(), LifecycleStage.LEAD.code());
            persons.recomputeFlags(event.personId());
        }
    }

    @EventHandler
    void on(ActivityCreatedEvent event, @Timestamp Instant at) {
        activityFor(event.personId(), event.organizationId(), event.activityId(), event.type(), event.outcome(), at);
    }

    /** A call logged first with another outcome earns its points when it is changed to connected. */
    @EventHandler
    void on(ActivityChangedEvent event, @Timestamp Instant at) {
        activityFor(event.personId(), event.organizationId(), event.activityId(), event.type(), event.outcome(), at);
    }

    private void dealFor(UUID personId, UUID organizationId, UUID dealId, boolean closed, boolean won, Instant at) {
        if (personId == null) {
            return;
        }
        if (!closed) {
            persons.advanceOwnStageFor(personId, LifecycleStage.LEAD.code());
        } else if (won) {
            persons.advanceOwnStageFor(personId, LifecycleStage.CUSTOMER.code());
        }
        leadScores.award("deal:" + dealId, personId, organizationId, LeadScoreReason.DEAL, at);
        persons.recomputeFlags(personId);
    }

    private void activityFor(UUID personId, UUID organizationId, UUID activityId, String type, String outcome,
                             Instant at) {
        if (personId == null) {
            return;
        }
        if (ActivityType.CALL.code().equals(type) && CallOutcome.CONNECTED.code().equals(outcome)) {
            leadScores.award("call:" + activityId, personId, organizationId, LeadScoreReason.CALL_CONNECTED, at);
            persons.recomputeFlags(personId);
        } else if (ActivityType.MEETING.code().equals(type)) {
            leadScores.award("meeting:" + activityId, personId, organizationId, LeadScoreReason.MEETING, at);
            persons.recomputeFlags(personId);
        }
    }
}
