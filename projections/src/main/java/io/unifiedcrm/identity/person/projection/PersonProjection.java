package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code identity.person}. Idempotent: an event already reflected in a row (by sequence number) is skipped. */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class PersonProjection {

    private final PersonReadModelRepository persons;

    PersonProjection(PersonReadModelRepository persons) {
        this.persons = persons;
    }

    @EventHandler
    void on(PersonCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (persons.existsById(event.personId())) {
            return;
        }
        persons.save(new PersonReadModel(event.personId(), event.organizationId(), event.email(), event.firstName(),
                event.lastName(), event.phone(), event.source(), sequenceNumber, at));
    }

    @EventHandler
    void on(PersonNameChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        persons.findById(event.personId())
                .filter(person -> !person.hasApplied(sequenceNumber))
                .ifPresent(person -> person.rename(event.firstName(), event.lastName(), sequenceNumber, at));
    }

    @ResetHandler
    void reset() {
        persons.deleteAllInBatch();
    }
}
