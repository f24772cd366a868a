package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code identity.person} with one statement per event. Idempotent: a row is inserted only if absent and
 * changed only by an event with a higher sequence number than the row's version.
 */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class PersonProjection {

    private final PersonReadModelRepository persons;

    PersonProjection(PersonReadModelRepository persons) {
        this.persons = persons;
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
        LifecycleStage stage = LifecycleStage.of(event.lifecycleStage());
        persons.setLifecycleStage(event.personId(), stage.code(), true, PersonFlagsRulebook.isLead(stage),
                PersonFlagsRulebook.isCustomer(stage), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonEmailVerifiedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.markEmailVerified(event.personId(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonPhoneVerifiedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.markPhoneVerified(event.personId(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonVendorFlagChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.setVendor(event.personId(), event.vendor(), sequenceNumber, at);
    }

    @EventHandler
    void on(PersonNameChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.rename(event.personId(), event.firstName(), event.lastName(), sequenceNumber, at);
    }

    @ResetHandler
    void reset() {
        persons.deleteAllInBatch();
    }
}
