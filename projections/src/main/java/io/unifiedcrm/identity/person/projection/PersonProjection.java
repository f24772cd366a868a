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
        persons.insertIfAbsent(event.personId(), event.organizationId(), event.email(), event.firstName(),
                event.lastName(), event.phone(), event.source(), sequenceNumber, at);
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
