package io.unifiedcrm.identity.person.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's orders in the 360: how many there are (any status) and the latest ones. */
public record PersonOrders(long count, List<Order> recent) {

    /** One order as the 360 lists it. */
    public record Order(UUID id, String status, String paymentStatus, String fulfillmentStatus, Money total,
                        Instant createdAt, Instant placedAt) {
    }
}
