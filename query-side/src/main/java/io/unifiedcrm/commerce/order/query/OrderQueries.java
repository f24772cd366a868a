package io.unifiedcrm.commerce.order.query;

import io.unifiedcrm.commerce.order.api.FindOrderQuery;
import io.unifiedcrm.commerce.order.api.FindOrdersQuery;
import io.unifiedcrm.commerce.order.api.OrderLineView;
import io.unifiedcrm.commerce.order.api.OrderPage;
import io.unifiedcrm.commerce.order.api.OrderPaymentView;
import io.unifiedcrm.commerce.order.api.OrderRefundView;
import io.unifiedcrm.commerce.order.api.OrderStatus;
import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.commerce.order.api.OrderView;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.infrastructure.web.ReadSnapshot;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads orders with their lines, payments and refunds, within one organization. */
@Component
class OrderQueries {

    private final JdbcTemplate jdbc;
    private final ReadSnapshot snapshot;

    OrderQueries(JdbcTemplate jdbc, ReadSnapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return read(query.organizationId(), List.of(query.orderId())).stream().findFirst();
    }

    @QueryHandler
    OrderPage handle(FindOrdersQuery query) {
        boolean byPerson = query.personId() != null;
        List<Object> arguments = new ArrayList<>();
        if (byPerson) {
            arguments.add(query.personId());
            arguments.add(query.organizationId());
        }
        Timestamp before = query.beforeCreatedAt() == null ? null : Timestamp.from(query.beforeCreatedAt());
        arguments.addAll(java.util.Arrays.asList(query.organizationId(), query.status(), query.status(), before,
                before, query.beforeId(), query.limit() + 1));
        List<UUID> ids = jdbc.queryForList((byPerson ? MergedPersons.CTE : "") + """
                        SELECT o.id FROM commerce.orders o
                        WHERE o.organization_id = ?
                        """ + (byPerson ? "  AND o.person_id IN (SELECT id FROM merged)\n" : "") + """
                          AND (cast(? AS text) IS NULL OR o.status = ?)
                          AND (cast(? AS timestamptz) IS NULL OR (o.created_at, o.id) < (?, ?))
                        ORDER BY o.created_at DESC, o.id DESC LIMIT ?""",
                UUID.class, arguments.toArray());
        boolean hasMore = ids.size() > query.limit();
        return new OrderPage(read(query.organizationId(), hasMore ? ids.subList(0, query.limit()) : ids), hasMore);
    }

    /** The organization's orders of these ids, newest first, each with its lines, payments and refunds. */
    /** The orders with their parts, read on one snapshot (several statements). */
    private List<OrderView> read(UUID organizationId, List<UUID> ids) {
        return ids.isEmpty() ? List.of() : snapshot.of(() -> readParts(organizationId, ids));
    }

    private List<OrderView> readParts(UUID organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderLineView>> lines = new LinkedHashMap<>();
        Map<UUID, List<OrderPaymentView>> payments = new LinkedHashMap<>();
        Map<UUID, List<OrderRefundView>> refunds = new LinkedHashMap<>();
        jdbc.query(ofOrders("""
                SELECT l.*, o.currency FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id
                WHERE l.organization_id = ? AND l.order_id = ANY (?) ORDER BY l.order_id, l.position""",
                organizationId, ids), (RowCallbackHandler) row -> {
                    String currency = row.getString("currency");
                    lines.computeIfAbsent(row.getObject("order_id", UUID.class), order -> new ArrayList<>())
                            .add(new OrderLineView(row.getObject("line_id", UUID.class), row.getInt("position"),
                                    row.getObject("product_id", UUID.class), row.getString("sku"),
                                    row.getString("product_name"), row.getLong("quantity"),
                                    money(row, "unit_price", currency), money(row, "discount", currency),
                                    row.getBigDecimal("tax_rate"), money(row, "tax", currency),
                                    money(row, "line_total", currency), row.getLong("fulfilled_quantity")));
                });
        jdbc.query(ofOrders("""
                SELECT * FROM commerce.payment WHERE organization_id = ? AND order_id = ANY (?)
                ORDER BY recorded_at, id""", organizationId, ids), (RowCallbackHandler) row -> {
                    UUID orderId = row.getObject("order_id", UUID.class);
                    Money amount = money(row, "amount", row.getString("currency"));
                    if ("refund".equals(row.getString("kind"))) {
                        refunds.computeIfAbsent(orderId, order -> new ArrayList<>()).add(new OrderRefundView(
                                row.getObject("id", UUID.class), amount, row.getString("reason"),
                                instant(row, "recorded_at")));
                    } else {
                        payments.computeIfAbsent(orderId, order -> new ArrayList<>()).add(new OrderPaymentView(
                                row.getObject("id", UUID.class), amount, row.getString("method"),
                                row.getString("provider_reference"), instant(row, "recorded_at")));
                    }
                });
        return jdbc.query(ofOrders("""
                SELECT * FROM commerce.orders WHERE organization_id = ? AND id = ANY (?)
                ORDER BY created_at DESC, id DESC""", organizationId, ids), (row, index) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return view(row, lines.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of()),
                            refunds.getOrDefault(id, List.of()));
                });
    }

    /** A statement whose parameters are the organization and an array of order ids. */
    private static PreparedStatementCreator ofOrders(String sql, UUID organizationId, List<UUID> ids) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setObject(1, organizationId);
            statement.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            return statement;
        };
    }

    private static OrderView view(ResultSet row, List<OrderLineView> lines, List<OrderPaymentView> payments,
                                  List<OrderRefundView> refunds) throws SQLException {
        String currency = row.getString("currency");
        String status = row.getString("status");
        Money total = money(row, "total", currency);
        Money paid = money(row, "paid_total", currency);
        Money refunded = money(row, "refunded_total", currency);
        return new OrderView(row.getObject("id", UUID.class), row.getObject("person_id", UUID.class),
                row.getString("customer_number"), status, row.getString("payment_status"),
                row.getString("fulfillment_status"), currency, row.getString("shipping_method"),
                new OrderTotals(money(row, "subtotal", currency), money(row, "discount_total", currency),
                        money(row, "tax_total", currency), money(row, "shipping_total", currency), total),
                paid, refunded, new Money(balanceDue(status, total, paid, refunded), currency),
                lines, payments, refunds, row.getString("rejection_reason"),
                row.getObject("rejected_product_id", UUID.class), row.getString("cancel_reason"),
                instant(row, "created_at"), instant(row, "placed_at"), instant(row, "paid_at"),
                instant(row, "fulfilled_at"), instant(row, "completed_at"), instant(row, "cancelled_at"),
                instant(row, "updated_at"), row.getLong("version"));
    }

    /**
     * What is left to pay: total − (paid − refunded) of a placed order (a refund reopens the balance, as in the
     * aggregate); nothing can be paid for the others.
     */
    private static BigDecimal balanceDue(String status, Money total, Money paid, Money refunded) {
        BigDecimal left = total.amount().subtract(paid.amount().subtract(refunded.amount()));
        return OrderStatus.PLACED.code().equals(status) && left.signum() > 0 ? left : BigDecimal.ZERO.setScale(4);
    }

    private static Money money(ResultSet row, String column, String currency) throws SQLException {
        return new Money(row.getBigDecimal(column), currency);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getObject(column, Timestamp.class);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
