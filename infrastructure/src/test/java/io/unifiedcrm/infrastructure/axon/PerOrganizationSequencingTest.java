package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class PerOrganizationSequencingTest {

    record PersonEvent(UUID personId, UUID organizationId) {
    }

    record Untenanted(String name) {
    }

    private final PerOrganizationSequencing policy = new PerOrganizationSequencing();

    @Test
    void eventsOfOneOrganizationShareASequenceWhateverTheirAggregate() {
        UUID organization = UUID.randomUUID();
        Object first = policy.getSequenceIdentifierFor(event("a", new PersonEvent(UUID.randomUUID(), organization)));
        Object second = policy.getSequenceIdentifierFor(event("b", new PersonEvent(UUID.randomUUID(), organization)));
        Object other = policy.getSequenceIdentifierFor(event("a", new PersonEvent(UUID.randomUUID(),
                UUID.randomUUID())));
        assertThat(first).isEqualTo(second).isEqualTo(organization).isNotEqualTo(other);
    }

    @Test
    void aPayloadWithoutAnOrganizationIsSequencedByItsAggregate() {
        assertThat(policy.getSequenceIdentifierFor(event("aggregate-7", new Untenanted("x"))))
                .isEqualTo("aggregate-7");
    }

    private static GenericDomainEventMessage<Object> event(String aggregate, Object payload) {
        return new GenericDomainEventMessage<>("Test", aggregate, 0, payload);
    }
}
