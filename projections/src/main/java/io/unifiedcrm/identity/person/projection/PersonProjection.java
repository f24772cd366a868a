package io.unifiedcrm.identity.person.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.commerce.customer.api.CommerceCustomerCreatedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageOverrideClearedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonAccountRegisteredEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.identity.person.api.PersonProfileChangedEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.person.api.PersonSourceDetailsChangedEvent;
import io.unifiedcrm.identity.person.api.PersonUnmergedEvent;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.shared.LifecycleStage;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Builds {@code identity.person} (what orders contribute to the flags comes from {@link PersonOrderFlagsProjection}
 * in the same processing group). Idempotent: a row is inserted only if absent and changed only by an event with a
 * higher sequence number than the row's version; the flags recomputation that follows a flag-changing event is a
 * pure function of the rows, so repeating it changes nothing.
 */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class PersonProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonRows persons;
    private final LeadScores leadScores;

    PersonProjection(PersonRows persons, LeadScores leadScores) {
        this.persons = persons;
        this.leadScores = leadScores;
    }

    @EventHandler
    void on(PersonCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        LifecycleStage stage = PersonFlagsRulebook.stageAtCreation(event.source());
        persons.insertIfAbsent(event.personId(), event.organizationId(), event.email(), event.firstName(),
                event.lastName(), event.phone(), event.source(), sequenceNumber, at, stage.code(),
                PersonFlagsRulebook.isLead(stage), PersonFlagsRulebook.isCustomer(stage), PersonFlagsRulebook.VERSION);
    }

    @EventHandler
    void on(LifecycleStageSetEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setExplicitStage(event.personId(), LifecycleStage.of(event.lifecycleStage()).code(), sequenceNumber, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(LifecycleStageOverrideClearedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setExplicitStage(event.personId(), null, sequenceNumber, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(CrmContactCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.advanceOwnStage(event.personId(), LifecycleStage.LEAD.code(), sequenceNumber, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(CommerceCustomerCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.touch(event.personId(), sequenceNumber, at);
    }

    /** The contact's fields live in crm.contact; the person row follows the person's version all the same. */
    @EventHandler
    void on(CrmContactChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.touch(event.personId(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonEmailVerifiedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequenceNumber,
            @Timestamp Instant at) {
        persons.markEmailVerified(event.personId(), sequenceNumber, at);
        leadScores.award(eventId, event.personId(), event.organizationId(), LeadScoreReason.EMAIL_VERIFIED, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(PersonPhoneVerifiedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequenceNumber,
            @Timestamp Instant at) {
        persons.markPhoneVerified(event.personId(), sequenceNumber, at);
        leadScores.award(eventId, event.personId(), event.organizationId(), LeadScoreReason.PHONE_VERIFIED, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(PersonAccountRegisteredEvent event, @MessageIdentifier String eventId,
            @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.markAccountRegistered(event.personId(), sequenceNumber, at);
        leadScores.award(eventId, event.personId(), event.organizationId(), LeadScoreReason.ACCOUNT_REGISTERED, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(PersonVendorFlagChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setVendor(event.personId(), event.vendor(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonNameChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.rename(event.personId(), event.firstName(), event.lastName(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonProfileChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.changeNames(event.personId(), event.firstName(), event.lastName(), event.middleName(),
                event.displayName(), event.avatarUrl(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonEmailChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.changeEmail(event.personId(), event.email(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonPhoneChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.changePhone(event.personId(), event.phone(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonSourceDetailsChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.changeSourceDetails(event.personId(), json(event.sourceDetails()), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonMergedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        replaceProfile(event.personId(), event.profile(), sequenceNumber, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(PersonMergedIntoEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setMergedInto(event.personId(), event.survivorId(), sequenceNumber, at);
        recomputeFlags(event.survivorId());
    }

    @EventHandler
    void on(PersonUnmergedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        replaceProfile(event.personId(), event.profile(), sequenceNumber, at);
        recomputeFlags(event.personId());
    }

    @EventHandler
    void on(PersonRestoredFromMergeEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setMergedInto(event.personId(), null, sequenceNumber, at);
        recomputeFlags(event.personId());
        recomputeFlags(event.formerSurvivorId());
    }

    @ResetHandler
    void reset() {
        leadScores.reset();
        persons.deleteAll();
    }

    private void replaceProfile(UUID personId, PersonProfile profile, long sequenceNumber, Instant at) {
        persons.replaceProfile(personId, profile.email(), profile.emailVerified(), json(profile.secondaryEmails()),
                profile.phone(), profile.phoneVerified(), profile.firstName(), profile.lastName(),
                profile.middleName(), profile.displayName(), profile.avatarUrl(), json(profile.sourceDetails()),
                sequenceNumber, at);
    }

    private void recomputeFlags(UUID personId) {
        persons.recomputeFlags(personId);
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Event data that is not JSON", unexpected);
        }
    }
}
