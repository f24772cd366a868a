package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderPaymentRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderRefundRecordedEvent;
import io.unifiedcrm.commerce.order.api.PaymentStatus;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * What a person's orders contribute to the person's computed flags ({@link PersonFlagsRulebook} version 3): one row
 * of {@code identity.person_order} per placed order, then the same recomputation of the effective flags as
 * {@link PersonProjection}'s. A cart, a rejected order, lines and shipments change no flag, so they leave no row;
 * a cancellation keeps what the order earned (hasOrdered, payments and refunds).
 *
 * <p>Idempotent: order events carry the order's sequence numbers, not the person's, so the person row's version
 * cannot guard them; the order row keeps its own version (the sequence number of the last order event applied) and
 * every upsert changes it only for a later event. Same processing group as the person rows (sequenced per
 * organization), so the recomputation sees merges and orders in the order of the stream.
 */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class PersonOrderFlagsProjection {

    static final String TABLE = "identity.person_order";

    private final ReadModelJdbc jdbc;
    private final PersonRows persons;
    private final LeadScores leadScores;

    PersonOrderFlagsProjection(ReadModelJdbc jdbc, PersonRows persons, LeadScores leadScores) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.leadScores = leadScores;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.write(Footprint.row(TABLE, event.orderId()), """
                        INSERT INTO identity.person_order (order_id, organization_id, person_id, placed, total, version)
                        VALUES (?, ?, ?, true, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE
                        SET placed = true, total = excluded.total, version = excluded.version
                        WHERE person_order.version < excluded.version""",
                event.orderId(), event.organizationId(), event.personId(), event.totals().total().amount(),
                sequenceNumber);
        persons.recomputeFlags(event.personId());
    }

    /**
     * Fully paid when the payment leaves the order {@code paid}: what was paid and not refunded covers the total (a
     * refund before full payment reopens the order's balance).
     */
    @EventHandler
    void on(OrderPaymentRecordedEvent event, @SequenceNumber long sequenceNumber) {
        boolean paid = PaymentStatus.PAID.code().equals(event.paymentStatus());
        BigDecimal paidTotal = event.paidTotal().amount();
        jdbc.write(Footprint.row(TABLE, event.orderId()), """
                        INSERT INTO identity.person_order (order_id, organization_id, person_id, fully_paid,
                                                           paid_total, version)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE
                        SET fully_paid = person_order.fully_paid OR excluded.fully_paid,
                            paid_total = excluded.paid_total, version = excluded.version
                        WHERE person_order.version < excluded.version""",
                event.orderId(), event.organizationId(), event.personId(), paid, paidTotal, sequenceNumber);
        persons.recomputeFlags(event.personId());
    }

    @EventHandler
    void on(OrderRefundRecordedEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.write(Footprint.row(TABLE, event.orderId()), """
                        INSERT INTO identity.person_order (order_id, organization_id, person_id, refunded_total,
                                                           version)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE
                        SET refunded_total = excluded.refunded_total, version = excluded.version
                        WHERE person_order.version < excluded.version""",
                event.orderId(), event.organizationId(), event.personId(), event.refundedTotal().amount(),
                sequenceNumber);
        persons.recomputeFlags(event.personId());
    }

    @EventHandler
    void on(OrderCompletedEvent event, @SequenceNumber long sequenceNumber, @MessageIdentifier String eventId,
            @Timestamp Instant at) {
        jdbc.write(Footprint.row(TABLE, event.orderId()), """
                        INSERT INTO identity.person_order (order_id, organization_id, person_id, completed, version)
                        VALUES (?, ?, ?, true, ?)
                        ON CONFLICT (order_id) DO UPDATE
                        SET completed = true, version = excluded.version
                        WHERE person_order.version < excluded.version""",
                event.orderId(), event.organizationId(), event.personId(), sequenceNumber);
        leadScores.award(eventId, event.personId(), event.organizationId(), LeadScoreReason.PURCHASE, at);
        persons.recomputeFlags(event.personId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM identity.person_order");
    }
}
