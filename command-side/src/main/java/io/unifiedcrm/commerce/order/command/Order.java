package io.unifiedcrm.commerce.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.commerce.order.api.AddOrderItemCommand;
import io.unifiedcrm.commerce.order.api.CancelOrderCommand;
import io.unifiedcrm.commerce.order.api.CompleteOrderCommand;
import io.unifiedcrm.commerce.order.api.ConfirmOrderPlacementCommand;
import io.unifiedcrm.commerce.order.api.CreateOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilledLine;
import io.unifiedcrm.commerce.order.api.FulfillmentStatus;
import io.unifiedcrm.commerce.order.api.FulfilmentItem;
import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.commerce.order.api.OrderItem;
import io.unifiedcrm.commerce.order.api.OrderLineAddedEvent;
import io.unifiedcrm.commerce.order.api.OrderLineRemovedEvent;
import io.unifiedcrm.commerce.order.api.OrderLinesFulfilledEvent;
import io.unifiedcrm.commerce.order.api.OrderPaymentRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacementRequestedEvent;
import io.unifiedcrm.commerce.order.api.OrderRefundRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderRejectedEvent;
import io.unifiedcrm.commerce.order.api.OrderStatus;
import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.commerce.order.api.OrderedQuantity;
import io.unifiedcrm.commerce.order.api.PaymentStatus;
import io.unifiedcrm.commerce.order.api.PlaceOrderCommand;
import io.unifiedcrm.commerce.order.api.RecordPaymentCommand;
import io.unifiedcrm.commerce.order.api.RecordRefundCommand;
import io.unifiedcrm.commerce.order.api.RejectOrderCommand;
import io.unifiedcrm.commerce.order.api.RemoveOrderItemCommand;
import io.unifiedcrm.commerce.product.command.ProductCatalog;
import io.unifiedcrm.commerce.product.command.ProductOffer;
import io.unifiedcrm.identity.organization.command.OrganizationCurrencies;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.CurrencyCode;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.Money;
import io.unifiedcrm.shared.OptionalText;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order of a person (seed: commerce.orders): a cart until it is placed, then placed until it is completed or
 * cancelled; rejected when its stock could not be reserved. Payment and fulfilment progress beside the status.
 * Placing only asks for the stock: the {@link OrderStockSaga} reserves it and then confirms or rejects the order.
 */
@Aggregate(cache = "orderCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Order {

    static final int MAX_LINES = 250;
    static final long MAX_UNITS_PER_PRODUCT = 1_000_000_000L;
    static final String OUT_OF_STOCK = "out_of_stock";

    @AggregateIdentifier
    private UUID orderId;
    private UUID organizationId;
    private UUID personId;
    private String currency;
    private String shippingMethod;
    private Money shipping;
    private final Map<UUID, OrderLine> lines = new LinkedHashMap<>();
    private OrderStatus status;
    private boolean placementRequested;
    private OrderTotals totals;
    private BigDecimal paid = BigDecimal.ZERO;
    private BigDecimal refunded = BigDecimal.ZERO;
    /** Provider reference → "amount method" of the payment recorded with it. */
    private final Map<String, String> providerReferences = new HashMap<>();

    protected Order() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateOrderCommand command, OrganizationCurrencies currencies, OrderCustomers customers,
                       ProductCatalog catalog) {
        String baseCurrency = currencies.baseCurrencyOf(command.organizationId());
        if (command.currency() != null && !currencyCode(command.currency()).equals(baseCurrency)) {
            throw new DomainRuleViolation(ErrorCode.CURRENCY_MISMATCH, "currency",
                    "Orders are in the organization's base currency, " + baseCurrency + ".");
        }
        String method = OptionalText.of("shippingMethod", command.shippingMethod(), 100);
        Money shippingPrice = inCurrency(baseCurrency, "shipping",
                command.shippingAmount() == null ? BigDecimal.ZERO : command.shippingAmount(),
                command.shippingCurrency());
        String customerNumber = customers.customerNumberOf(command.organizationId(), command.personId());
        apply(new OrderCreatedEvent(command.orderId(), command.organizationId(), command.personId(), customerNumber,
                baseCurrency, method, shippingPrice, OrderPricing.totals(List.of(), shippingPrice)));
        List<OrderItem> items = command.items() == null ? List.of() : command.items();
        if (items.stream().map(OrderItem::lineId).distinct().count() < items.size()) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_ORDER_LINE, "items",
                    "Two items have the same lineId.");
        }
        for (OrderItem item : items) {
            addLine(item, catalog);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddOrderItemCommand command, ProductCatalog catalog) {
        requireCartOf(command.organizationId());
        if (!lines.containsKey(command.item().lineId())) {
            addLine(command.item(), catalog);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveOrderItemCommand command) {
        requireCartOf(command.organizationId());
        if (!lines.containsKey(command.lineId())) {
            throw unknownLine("lineId");
        }
        Map<UUID, OrderLine> remaining = new LinkedHashMap<>(lines);
        remaining.remove(command.lineId());
        apply(new OrderLineRemovedEvent(orderId, organizationId, command.lineId(),
                OrderPricing.totals(remaining.values(), shipping)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PlaceOrderCommand command) {
        requireCartOf(command.organizationId());
        if (lines.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.ORDER_EMPTY, null, "An order without lines cannot be placed.");
        }
        // one quantity per product, in product id order: every saga locks products in the same order (no deadlock)
        Map<UUID, Long> perProduct = new TreeMap<>();
        lines.values().forEach(line -> perProduct.merge(line.productId(), line.quantity(), Long::sum));
        apply(new OrderPlacementRequestedEvent(orderId, organizationId, personId, perProduct.entrySet().stream()
                .map(entry -> new OrderedQuantity(entry.getKey(), entry.getValue())).toList()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ConfirmOrderPlacementCommand command) {
        requirePlacementRequestedBy(command.organizationId());
        apply(new OrderPlacedEvent(orderId, organizationId, personId, shippingMethod, totals,
                paymentStatus(BigDecimal.ZERO, BigDecimal.ZERO).code()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RejectOrderCommand command) {
        requirePlacementRequestedBy(command.organizationId());
        apply(new OrderRejectedEvent(orderId, organizationId, personId, command.reason(), command.productId(),
                command.detail()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordPaymentCommand command) {
        requireOrderOf(command.organizationId());
        String reference = OptionalText.of("providerReference", command.providerReference(), 200);
        Money amount = positiveAmount(command.amount(), command.currency());
        PaymentMethod method = PaymentMethod.of(command.method());
        if (reference != null && providerReferences.containsKey(reference)) {
            // the provider reported the same payment again (a retry, a webhook delivered twice): nothing to record
            if (!providerReferences.get(reference).equals(amount.amount() + " " + method.code())) {
                throw new DomainRuleViolation(ErrorCode.PAYMENT_REFERENCE_REUSED, "providerReference",
                        "The order has a payment with this providerReference and another amount or method.");
            }
            return AggregateLifecycle.getVersion();
        }
        requirePlacedOf(command.organizationId());
        BigDecimal balance = balance();
        if (amount.amount().compareTo(balance) > 0) {
            throw new DomainRuleViolation(ErrorCode.AMOUNT_EXCEEDS_BALANCE, "amount",
                    "The order has " + balance.toPlainString() + " " + currency + " left to pay.");
        }
        BigDecimal paidAfter = paid.add(amount.amount());
        apply(new OrderPaymentRecordedEvent(orderId, organizationId, personId, command.paymentId(), amount,
                method.code(), reference, money(paidAfter), paymentStatus(paidAfter, refunded).code()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordRefundCommand command) {
        requireOrderOf(command.organizationId());
        if (status == OrderStatus.CART || status == OrderStatus.REJECTED) {
            throw new DomainRuleViolation(ErrorCode.ORDER_NOT_PLACED, null, "Only a placed order can be refunded.");
        }
        if (paid.signum() == 0) {
            throw new DomainRuleViolation(ErrorCode.NOTHING_PAID, null, "Nothing was paid for this order.");
        }
        Money amount = positiveAmount(command.amount(), command.currency());
        BigDecimal refundable = paid.subtract(refunded);
        if (amount.amount().compareTo(refundable) > 0) {
            throw new DomainRuleViolation(ErrorCode.REFUND_EXCEEDS_PAYMENTS, "amount",
                    "At most " + refundable.toPlainString() + " " + currency + " can be refunded.");
        }
        BigDecimal refundedAfter = refunded.add(amount.amount());
        apply(new OrderRefundRecordedEvent(orderId, organizationId, personId, command.refundId(), amount,
                OptionalText.of("reason", command.reason(), 500), money(refundedAfter),
                paymentStatus(paid, refundedAfter).code()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(FulfilOrderCommand command) {
        requirePlacedOf(command.organizationId());
        if (unshipped() == 0) {
            throw new DomainRuleViolation(ErrorCode.ORDER_FULFILLED, null, "Every unit was shipped already.");
        }
        Map<UUID, Long> units = unitsToShip(command.lines());
        Map<UUID, Long> shippedAfter = new LinkedHashMap<>();
        lines.values().forEach(line -> shippedAfter.put(line.lineId(), line.fulfilled()));
        units.forEach((lineId, quantity) -> shippedAfter.merge(lineId, quantity, Long::sum));
        boolean all = lines.values().stream().allMatch(line -> shippedAfter.get(line.lineId()) == line.quantity());
        List<FulfilledLine> shipped = units.entrySet().stream()
                .map(entry -> new FulfilledLine(entry.getKey(), lines.get(entry.getKey()).productId(),
                        entry.getValue())).toList();
        apply(new OrderLinesFulfilledEvent(orderId, organizationId, personId, command.fulfillmentId(), shipped,
                (all ? FulfillmentStatus.FULFILLED : FulfillmentStatus.PARTIALLY_FULFILLED).code()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CompleteOrderCommand command) {
        requirePlacedOf(command.organizationId());
        if (unshipped() > 0) {
            throw new DomainRuleViolation(ErrorCode.ORDER_NOT_FULFILLED, null,
                    "An order is completed when every unit was shipped.");
        }
        if (balance().signum() > 0) {
            throw new DomainRuleViolation(ErrorCode.ORDER_NOT_PAID, null,
                    "An order is completed when it is paid in full.");
        }
        apply(new OrderCompletedEvent(orderId, organizationId, personId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CancelOrderCommand command) {
        requireOrderOf(command.organizationId());
        requireOpen();
        if (!lines.isEmpty() && unshipped() == 0) {
            throw new DomainRuleViolation(ErrorCode.ORDER_FULFILLED, null,
                    "Every unit of the order was shipped: it cannot be cancelled, only refunded.");
        }
        apply(new OrderCancelledEvent(orderId, organizationId, personId,
                OptionalText.of("reason", command.reason(), 500), status == OrderStatus.PLACED));
        return AggregateLifecycle.getVersion();
    }

    private void addLine(OrderItem item, ProductCatalog catalog) {
        if (lines.size() >= MAX_LINES) {
            throw new DomainRuleViolation(ErrorCode.TOO_MANY_ORDER_LINES, "items",
                    "An order has at most " + MAX_LINES + " lines.");
        }
        if (item.productId() == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, "productId", "productId is required.");
        }
        requireQuantity(item.quantity());
        long ofTheProduct = lines.values().stream().filter(line -> line.productId().equals(item.productId()))
                .mapToLong(OrderLine::quantity).sum();
        if (ofTheProduct + item.quantity() > MAX_UNITS_PER_PRODUCT) {
            throw new DomainRuleViolation(ErrorCode.INVALID_QUANTITY, "quantity",
                    "An order has at most " + MAX_UNITS_PER_PRODUCT + " units of a product.");
        }
        ProductOffer offer = catalog.offer(organizationId, item.productId());
        if (!offer.active()) {
            throw new DomainRuleViolation(ErrorCode.PRODUCT_ARCHIVED, "productId",
                    "The product " + offer.sku() + " is archived and cannot be ordered.");
        }
        if (!offer.price().currency().equals(currency)) {
            throw new DomainRuleViolation(ErrorCode.CURRENCY_MISMATCH, "productId",
                    "The product is priced in " + offer.price().currency() + ", the order is in " + currency + ".");
        }
        Money discount = inCurrency(currency, "discount", item.discount() == null ? BigDecimal.ZERO : item.discount(),
                item.discountCurrency());
        TaxRate rate = TaxRate.of(item.taxRate());
        Money tax = OrderPricing.tax(item.quantity(), offer.price(), discount, rate);
        OrderLine line = new OrderLine(item.lineId(), offer.productId(), item.quantity(), offer.price(), discount,
                tax, 0);
        Map<UUID, OrderLine> after = new LinkedHashMap<>(lines);
        after.put(line.lineId(), line);
        apply(new OrderLineAddedEvent(orderId, organizationId, line.lineId(), offer.productId(), offer.sku(),
                offer.name(), line.quantity(), offer.price(), discount, rate.percent(), tax,
                OrderPricing.lineTotal(line), OrderPricing.totals(after.values(), shipping)));
    }

    private Map<UUID, Long> unitsToShip(List<FulfilmentItem> requested) {
        Map<UUID, Long> units = new LinkedHashMap<>();
        if (requested == null || requested.isEmpty()) {
            lines.values().stream().filter(line -> line.unshipped() > 0)
                    .forEach(line -> units.put(line.lineId(), line.unshipped()));
            return units;
        }
        for (FulfilmentItem item : requested) {
            if (item.lineId() == null || !lines.containsKey(item.lineId())) {
                throw unknownLine("lines");
            }
            requireQuantity(item.quantity());
            units.merge(item.lineId(), item.quantity(), Long::sum);
        }
        units.forEach((lineId, quantity) -> {
            if (quantity > lines.get(lineId).unshipped()) {
                throw new DomainRuleViolation(ErrorCode.FULFILMENT_EXCEEDS_ORDER, "lines",
                        "Line " + lineId + " has " + lines.get(lineId).unshipped() + " units left to ship.");
            }
        });
        return units;
    }

    private long unshipped() {
        return lines.values().stream().mapToLong(OrderLine::unshipped).sum();
    }

    private Money positiveAmount(BigDecimal amount, String amountCurrency) {
        Money money = inCurrency(currency, "amount", amount, amountCurrency);
        if (money.amount().signum() == 0) {
            throw new DomainRuleViolation(ErrorCode.INVALID_MONEY, "amount", "amount is more than 0.");
        }
        return money;
    }

    /** An amount of the order: in the order's currency, which a request may leave out. */
    private static Money inCurrency(String orderCurrency, String field, BigDecimal amount, String amountCurrency) {
        Money money = Money.of(field, amount, amountCurrency == null ? orderCurrency : amountCurrency);
        if (!money.currency().equals(orderCurrency)) {
            throw new DomainRuleViolation(ErrorCode.CURRENCY_MISMATCH, field + ".currency",
                    "The order is in " + orderCurrency + ".");
        }
        return money;
    }

    private Money money(BigDecimal amount) {
        return Money.of("amount", amount, currency);
    }

    /** What is left to pay: the total less what was paid and not refunded (a refund reopens the balance). */
    private BigDecimal balance() {
        return totals.total().amount().subtract(paid.subtract(refunded));
    }

    /**
     * Paid when what was paid and not refunded covers the total (an order with nothing to pay is paid); otherwise
     * refunded / partially refunded once money went back, pending / partially paid before.
     */
    private PaymentStatus paymentStatus(BigDecimal paidTotal, BigDecimal refundedTotal) {
        BigDecimal net = paidTotal.subtract(refundedTotal);
        if (net.compareTo(totals.total().amount()) >= 0) {
            return PaymentStatus.PAID;
        }
        if (refundedTotal.signum() > 0) {
            return net.signum() <= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        }
        return paidTotal.signum() == 0 ? PaymentStatus.PENDING : PaymentStatus.PARTIALLY_PAID;
    }

    private static String currencyCode(String raw) {
        try {
            return CurrencyCode.of(raw).value();
        } catch (DomainRuleViolation unknown) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_CURRENCY, "currency", "Not an ISO 4217 currency code.");
        }
    }

    private static void requireQuantity(long quantity) {
        if (quantity < 1 || quantity > 1_000_000_000L) {
            throw new DomainRuleViolation(ErrorCode.INVALID_QUANTITY, "quantity",
                    "quantity is a whole number from 1 to 1,000,000,000.");
        }
    }

    private static DomainRuleViolation unknownLine(String field) {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_ORDER_LINE, field, "The order has no such line.");
    }

    private void requireOrderOf(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    /** Rejected, cancelled and completed orders take no further step (refunds aside). */
    private void requireOpen() {
        if (status == OrderStatus.REJECTED || status == OrderStatus.CANCELLED || status == OrderStatus.COMPLETED) {
            throw new DomainRuleViolation(ErrorCode.ORDER_CLOSED, null, "The order is " + status.code() + ".");
        }
    }

    private void requireCartOf(UUID callerOrganization) {
        requireOrderOf(callerOrganization);
        requireOpen();
        if (status != OrderStatus.CART || placementRequested) {
            throw new DomainRuleViolation(ErrorCode.ORDER_NOT_IN_CART, null,
                    "The order was placed; its lines can no longer change.");
        }
    }

    private void requirePlacedOf(UUID callerOrganization) {
        requireOrderOf(callerOrganization);
        requireOpen();
        if (status != OrderStatus.PLACED) {
            throw new DomainRuleViolation(ErrorCode.ORDER_NOT_PLACED, null, "The order is still a cart.");
        }
    }

    private void requirePlacementRequestedBy(UUID callerOrganization) {
        requireOrderOf(callerOrganization);
        if (status != OrderStatus.CART || !placementRequested) {
            throw new IllegalStateException("Order " + orderId + " is not waiting for its stock");
        }
    }

    @EventSourcingHandler
    void on(OrderCreatedEvent event) {
        this.orderId = event.orderId();
        this.organizationId = event.organizationId();
        this.personId = event.personId();
        this.currency = event.currency();
        this.shippingMethod = event.shippingMethod();
        this.shipping = event.shipping();
        this.totals = event.totals();
        this.status = OrderStatus.CART;
    }

    @EventSourcingHandler
    void on(OrderLineAddedEvent event) {
        lines.put(event.lineId(), new OrderLine(event.lineId(), event.productId(), event.quantity(),
                event.unitPrice(), event.discount(), event.tax(), 0));
        this.totals = event.totals();
    }

    @EventSourcingHandler
    void on(OrderLineRemovedEvent event) {
        lines.remove(event.lineId());
        this.totals = event.totals();
    }

    @EventSourcingHandler
    void on(OrderPlacementRequestedEvent event) {
        this.placementRequested = true;
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        this.status = OrderStatus.PLACED;
        this.totals = event.totals();
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        this.status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderPaymentRecordedEvent event) {
        this.paid = event.paidTotal().amount();
        if (event.providerReference() != null) {
            providerReferences.put(event.providerReference(), event.amount().amount() + " " + event.method());
        }
    }

    @EventSourcingHandler
    void on(OrderRefundRecordedEvent event) {
        this.refunded = event.refundedTotal().amount();
    }

    @EventSourcingHandler
    void on(OrderLinesFulfilledEvent event) {
        for (FulfilledLine shipped : event.lines()) {
            lines.computeIfPresent(shipped.lineId(), (id, line) -> line.shipped(shipped.quantity()));
        }
    }

    @EventSourcingHandler
    void on(OrderCompletedEvent event) {
        this.status = OrderStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        this.status = OrderStatus.CANCELLED;
    }
}
