package io.unifiedcrm.crm.activity.projection;

import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.contact.projection.ContactRecency;
import io.unifiedcrm.crm.projection.CrmProcessingGroup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * The CRM's reaction to purchases (seed: CRMEventHandler on order.completed): every completed order becomes a
 * {@code purchase} activity on its person's timeline, with an id derived from the order's, at the completion event's
 * time and with the order's total, and the person's contact row gets it as its last purchase. The total is known from
 * the order's placement, kept in {@code crm.order_total} until the order completes or is cancelled.
 */
@Component
@ProcessingGroup(CrmProcessingGroup.NAME)
class PurchaseActivityProjection {

    private final ReadModelJdbc jdbc;

    PurchaseActivityProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        jdbc.update("""
                        INSERT INTO crm.order_total (order_id, organization_id, person_id, total, currency)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""",
                event.orderId(), event.organizationId(), event.personId(), event.totals().total().amount(),
                event.totals().total().currency());
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        jdbc.update("DELETE FROM crm.order_total WHERE order_id = ?", event.orderId());
    }

    @EventHandler
    void on(OrderCompletedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        List<Map<String, Object>> totals = jdbc.queryForList(
                "SELECT total, currency FROM crm.order_total WHERE order_id = ?", event.orderId());
        BigDecimal total = totals.isEmpty() ? null : (BigDecimal) totals.get(0).get("total");
        String currency = totals.isEmpty() ? null : (String) totals.get(0).get("currency");
        String subject = "Completed order " + event.orderId()
                + (total == null ? "" : " for " + inMinorUnits(total, currency) + " " + currency);
        jdbc.update("""
                        INSERT INTO crm.activity (id, organization_id, type, person_id, subject, occurred_at, order_id,
                            amount, currency, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO NOTHING""",
                purchaseIdOf(event.orderId()), event.organizationId(), ActivityType.PURCHASE.code(),
                event.personId(), subject, Timestamp.from(at), event.orderId(), total, currency, Timestamp.from(at),
                Timestamp.from(at));
        jdbc.update("DELETE FROM crm.order_total WHERE order_id = ?", event.orderId());
        ContactRecency.store(jdbc, event.personId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.order_total");
    }

    /** The id of an order's purchase activity: the same in every replay. */
    static UUID purchaseIdOf(UUID orderId) {
        return UUID.nameUUIDFromBytes(("purchase/" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** 34.6500 EUR as 34.65; digits beyond the currency's minor unit stay (12.3450 as 12.345). */
    private static String inMinorUnits(BigDecimal amount, String currency) {
        int digits = Math.max(Currency.getInstance(currency.strip()).getDefaultFractionDigits(), 0);
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < digits ? plain.setScale(digits) : plain).toPlainString();
    }
}
