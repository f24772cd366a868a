package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What referred to a person, in {@code identity.person_reference}, written in the same transaction as the events:
 * the persons merged into it and the orders, deals, activities and addresses whose events named it, each with the
 * timestamp of the first event that did. The person 360 as of a past instant takes these rows as its candidates and
 * reads their events through the event store, instead of searching every stored event's payload.
 */
@Component
@ProcessingGroup(PersonReferences.PROCESSING_GROUP)
class PersonReferences {

    static final String PROCESSING_GROUP = "person-references";

    private final JdbcTemplate jdbc;

    PersonReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonMergedIntoEvent event, @Timestamp Instant at) {
        add(event.organizationId(), event.survivorId(), "merged", event.personId(), at);
    }

    @EventHandler
    void on(OrderCreatedEvent event, @Timestamp Instant at) {
        referredBy(event.organizationId(), event.personId(), event.orderId(), at);
    }

    @EventHandler
    void on(DealCreatedEvent event, @Timestamp Instant at) {
        referredBy(event.organizationId(), event.personId(), event.dealId(), at);
    }

    @EventHandler
    void on(DealChangedEvent event, @Timestamp Instant at) {
        referredBy(event.organizationId(), event.personId(), event.dealId(), at);
    }

    @EventHandler
    void on(ActivityCreatedEvent event, @Timestamp Instant at) {
        referredBy(event.organizationId(), event.personId(), event.activityId(), at);
    }

    @EventHandler
    void on(ActivityChangedEvent event, @Timestamp Instant at) {
        referredBy(event.organizationId(), event.personId(), event.activityId(), at);
    }

    @EventHandler
    void on(AddressAddedEvent event, @Timestamp Instant at) {
        if (AddressOwnerType.PERSON.code().equals(event.entityType())) {
            referredBy(event.organizationId(), event.entityId(), event.addressId(), at);
        }
    }

    @EventHandler
    void on(AddressChangedEvent event, @Timestamp Instant at) {
        if (AddressOwnerType.PERSON.code().equals(event.entityType())) {
            referredBy(event.organizationId(), event.entityId(), event.addressId(), at);
        }
    }

    private void referredBy(UUID organizationId, UUID personId, UUID aggregateId, Instant at) {
        if (personId != null) {
            add(organizationId, personId, "aggregate", aggregateId, at);
        }
    }

    /**
     * The first event to name the person stays: later ones of the same referrer change nothing. Its timestamp to the
     * millisecond, as the event store keeps it (the event in memory has microseconds): an asOf read compares both.
     */
    private void add(UUID organizationId, UUID personId, String kind, UUID referrerId, Instant at) {
        jdbc.update("""
                        INSERT INTO identity.person_reference (organization_id, person_id, kind, referrer_id, first_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                organizationId, personId, kind, referrerId,
                at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }
}
