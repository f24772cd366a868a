package io.unifiedcrm.commerce.product.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.commerce.product.api.AdjustInventoryCommand;
import io.unifiedcrm.commerce.product.api.ChangeProductCommand;
import io.unifiedcrm.commerce.product.api.ConsumeStockCommand;
import io.unifiedcrm.commerce.product.api.CreateProductCommand;
import io.unifiedcrm.commerce.product.api.ProductChangedEvent;
import io.unifiedcrm.commerce.product.api.ProductCreatedEvent;
import io.unifiedcrm.commerce.product.api.ReleaseStockCommand;
import io.unifiedcrm.commerce.product.api.ReserveStockCommand;
import io.unifiedcrm.commerce.product.api.RestockProductCommand;
import io.unifiedcrm.commerce.product.api.Sku;
import io.unifiedcrm.commerce.product.api.StockAdjustedEvent;
import io.unifiedcrm.commerce.product.api.StockConsumedEvent;
import io.unifiedcrm.commerce.product.api.StockReleasedEvent;
import io.unifiedcrm.commerce.product.api.StockReservedEvent;
import io.unifiedcrm.commerce.product.api.StockRestockedEvent;
import io.unifiedcrm.identity.organization.command.OrganizationCurrencies;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.Money;
import io.unifiedcrm.shared.OptionalText;
import io.unifiedcrm.shared.RequiredText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product of the catalog (seed: commerce.product) with its stock: units on hand and units reserved for orders.
 * Units are reserved only while available (on hand − reserved), so concurrent orders never oversell: each
 * reservation is an event of this aggregate, appended only at the version it was decided on.
 */
@Aggregate(cache = "productCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Product {

    static final String ACTIVE = "active";
    static final String ARCHIVED = "archived";
    private static final int MAX_TAGS = 50;
    static final long MAX_ON_HAND = 1_000_000_000_000L;

    @AggregateIdentifier
    private UUID productId;
    private UUID organizationId;
    private String sku;
    private String name;
    private String description;
    private Money price;
    private String status;
    private List<String> tags;
    private long onHand;
    private final Map<UUID, Long> reservations = new HashMap<>();

    protected Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateProductCommand command, OrganizationCurrencies currencies) {
        String sku = Sku.of(command.sku()).value();
        Money productPrice = priceIn(currencies.baseCurrencyOf(command.organizationId()), command.priceAmount(),
                command.priceCurrency());
        apply(new ProductCreatedEvent(command.productId(), command.organizationId(), sku,
                RequiredText.of("name", command.name(), 200).value(),
                OptionalText.of("description", command.description(), 10_000), productPrice, ACTIVE,
                tags(command.tags())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeProductCommand command, OrganizationCurrencies currencies) {
        requireProductOf(command.organizationId());
        String newName = command.name() == null ? name : RequiredText.of("name", command.name(), 200).value();
        String newDescription = command.description() == null ? description
                : OptionalText.of("description", command.description(), 10_000);
        Money newPrice = command.priceAmount() == null && command.priceCurrency() == null ? price
                : priceIn(currencies.baseCurrencyOf(organizationId),
                        command.priceAmount() == null ? price.amount() : command.priceAmount(),
                        command.priceCurrency() == null ? price.currency() : command.priceCurrency());
        String newStatus = command.status() == null ? status : status(command.status());
        List<String> newTags = command.tags() == null ? tags : tags(command.tags());
        if (!newName.equals(name) || !Objects.equals(newDescription, description) || !newPrice.equals(price)
                || !newStatus.equals(status) || !newTags.equals(tags)) {
            apply(new ProductChangedEvent(productId, organizationId, newName, newDescription, newPrice, newStatus,
                    newTags));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RestockProductCommand command) {
        requireProductOf(command.organizationId());
        requirePositive(command.quantity());
        if (onHand + command.quantity() > MAX_ON_HAND) {
            throw new DomainRuleViolation(ErrorCode.INVALID_QUANTITY, "quantity",
                    "A product holds at most " + MAX_ON_HAND + " units on hand.");
        }
        apply(new StockRestockedEvent(productId, organizationId, command.quantity(), onHand + command.quantity()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AdjustInventoryCommand command) {
        requireProductOf(command.organizationId());
        long reserved = reserved();
        if (command.onHand() < reserved || command.onHand() > MAX_ON_HAND) {
            throw new DomainRuleViolation(ErrorCode.INVALID_QUANTITY, "onHand",
                    "On hand is between the " + reserved + " units reserved for orders and " + MAX_ON_HAND + ".");
        }
        String reason = RequiredText.of("reason", command.reason(), 200).value();
        if (command.onHand() != onHand) {
            apply(new StockAdjustedEvent(productId, organizationId, command.onHand(), onHand, reason));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReserveStockCommand command) {
        requireProductOf(command.organizationId());
        requirePositive(command.quantity());
        if (reservations.containsKey(command.orderId())) {
            return AggregateLifecycle.getVersion();
        }
        long available = onHand - reserved();
        if (!ACTIVE.equals(status) || command.quantity() > available) {
            throw new DomainRuleViolation(ErrorCode.INSUFFICIENT_STOCK, "quantity",
                    "Only " + Math.max(0, ACTIVE.equals(status) ? available : 0) + " units are available.");
        }
        apply(new StockReservedEvent(productId, organizationId, command.orderId(), command.quantity()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReleaseStockCommand command) {
        requireProductOf(command.organizationId());
        Long quantity = reservations.get(command.orderId());
        if (quantity != null) {
            apply(new StockReleasedEvent(productId, organizationId, command.orderId(), quantity));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ConsumeStockCommand command) {
        requireProductOf(command.organizationId());
        requirePositive(command.quantity());
        Long reserved = reservations.get(command.orderId());
        if (reserved != null) {
            apply(new StockConsumedEvent(productId, organizationId, command.orderId(),
                    Math.min(reserved, command.quantity())));
        }
        return AggregateLifecycle.getVersion();
    }

    /** What an order line takes from the product when it is added: its SKU, name and current price. */
    public ProductOffer offerTo(UUID callerOrganization) {
        requireProductOf(callerOrganization);
        return new ProductOffer(productId, sku, name, price, ACTIVE.equals(status));
    }

    private long reserved() {
        return reservations.values().stream().mapToLong(Long::longValue).sum();
    }

    private void requireProductOf(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    private static void requirePositive(long quantity) {
        if (quantity < 1 || quantity > 1_000_000_000L) {
            throw new DomainRuleViolation(ErrorCode.INVALID_QUANTITY, "quantity",
                    "quantity is a whole number from 1 to 1,000,000,000.");
        }
    }

    private static Money priceIn(String baseCurrency, java.math.BigDecimal amount, String currency) {
        Money money = Money.of("price", amount, currency);
        if (!money.currency().equals(baseCurrency)) {
            throw new DomainRuleViolation(ErrorCode.CURRENCY_MISMATCH, "price.currency",
                    "Prices are in the organization's base currency, " + baseCurrency + ".");
        }
        return money;
    }

    private static String status(String code) {
        if (!ACTIVE.equals(code) && !ARCHIVED.equals(code)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_PRODUCT_STATUS, "status",
                    "A product is active or archived.");
        }
        return code;
    }

    private static List<String> tags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> cleaned = raw.stream().map(tag -> OptionalText.of("tags", tag, 100)).filter(Objects::nonNull)
                .distinct().sorted().toList();
        if (cleaned.size() > MAX_TAGS) {
            throw new DomainRuleViolation(ErrorCode.INVALID_NAME, "tags",
                    "A product has at most " + MAX_TAGS + " tags.");
        }
        return cleaned;
    }

    @EventSourcingHandler
    void on(ProductCreatedEvent event) {
        this.productId = event.productId();
        this.organizationId = event.organizationId();
        this.sku = event.sku();
        this.name = event.name();
        this.description = event.description();
        this.price = event.price();
        this.status = event.status();
        this.tags = event.tags();
    }

    @EventSourcingHandler
    void on(ProductChangedEvent event) {
        this.name = event.name();
        this.description = event.description();
        this.price = event.price();
        this.status = event.status();
        this.tags = event.tags();
    }

    @EventSourcingHandler
    void on(StockRestockedEvent event) {
        this.onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockAdjustedEvent event) {
        this.onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(StockConsumedEvent event) {
        long left = reservations.get(event.orderId()) - event.quantity();
        if (left > 0) {
            reservations.put(event.orderId(), left);
        } else {
            reservations.remove(event.orderId());
        }
        this.onHand -= event.quantity();
    }
}
