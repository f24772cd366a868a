package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.order.api.AddOrderItemCommand;
import io.unifiedcrm.commerce.order.api.CancelOrderCommand;
import io.unifiedcrm.commerce.order.api.CompleteOrderCommand;
import io.unifiedcrm.commerce.order.api.CreateOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilmentItem;
import io.unifiedcrm.commerce.order.api.OrderItem;
import io.unifiedcrm.commerce.order.api.PlaceOrderCommand;
import io.unifiedcrm.commerce.order.api.RecordPaymentCommand;
import io.unifiedcrm.commerce.order.api.RecordRefundCommand;
import io.unifiedcrm.commerce.order.api.RemoveOrderItemCommand;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrderCommandController {

    private final CommandGateway commands;
    private final OrderPlacementOutcome placements;

    OrderCommandController(CommandGateway commands, OrderPlacementOutcome placements) {
        this.commands = commands;
        this.placements = placements;
    }

    @PostMapping
    @Operation(summary = "Open a cart for a person (who becomes a commerce customer), optionally with items")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateOrderRequest request) {
        UUID orderId = UUID.randomUUID();
        List<OrderItem> items = request.items() == null ? List.of()
                : request.items().stream().map(OrderCommandController::item).toList();
        long version = commands.<Long>sendAndWait(new CreateOrderCommand(orderId, organization.id(),
                request.personId(), request.currency(), request.shippingMethod(), amount(request.shipping()),
                currency(request.shipping()), items));
        return CommandAccepted.created(URI.create("/api/v1/orders/" + orderId), orderId, version);
    }

    @PostMapping("/{orderId}/items")
    @Operation(summary = "Add a line to a cart at the product's current price")
    ResponseEntity<CommandAccepted> addItem(CallerOrganization organization, @PathVariable UUID orderId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody OrderItemRequest request) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new AddOrderItemCommand(orderId,
                organization.id(), item(request), IfMatch.expectedVersion(ifMatch))));
    }

    @DeleteMapping("/{orderId}/items/{lineId}")
    @Operation(summary = "Take a line out of a cart")
    ResponseEntity<CommandAccepted> removeItem(CallerOrganization organization, @PathVariable UUID orderId,
                                               @PathVariable UUID lineId,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new RemoveOrderItemCommand(orderId,
                organization.id(), lineId, IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{orderId}/place")
    @Operation(summary = "Check a cart out: reserves its stock and places it, or rejects it (409 out_of_stock)")
    ResponseEntity<CommandAccepted> place(CallerOrganization organization, @PathVariable UUID orderId,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        long requested = commands.<Long>sendAndWait(new PlaceOrderCommand(orderId, organization.id(),
                IfMatch.expectedVersion(ifMatch)));
        return CommandAccepted.ok(orderId, placements.of(orderId, requested));
    }

    @PostMapping("/{orderId}/pay")
    @Operation(summary = "Record a payment of a placed order (at most what is left to pay)")
    ResponseEntity<CommandAccepted> pay(CallerOrganization organization, @PathVariable UUID orderId,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody PaymentRequest request) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new RecordPaymentCommand(orderId,
                organization.id(), UUID.randomUUID(), request.amount().amount(), request.amount().currency(),
                request.method(), request.providerReference(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{orderId}/refunds")
    @Operation(summary = "Record a refund (at most what was paid and not yet refunded)")
    ResponseEntity<CommandAccepted> refund(CallerOrganization organization, @PathVariable UUID orderId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody RefundRequest request) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new RecordRefundCommand(orderId,
                organization.id(), UUID.randomUUID(), request.amount().amount(), request.amount().currency(),
                request.reason(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{orderId}/fulfil")
    @Operation(summary = "Ship units of a placed order's lines (all that is left when no lines are given)")
    ResponseEntity<CommandAccepted> fulfil(CallerOrganization organization, @PathVariable UUID orderId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody(required = false) FulfilmentRequest request) {
        List<FulfilmentItem> lines = request == null || request.lines() == null ? List.of()
                : request.lines().stream().map(line -> new FulfilmentItem(line.lineId(), line.quantity())).toList();
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new FulfilOrderCommand(orderId,
                organization.id(), UUID.randomUUID(), lines, IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{orderId}/complete")
    @Operation(summary = "Close a paid and fully shipped order as done")
    ResponseEntity<CommandAccepted> complete(CallerOrganization organization, @PathVariable UUID orderId,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new CompleteOrderCommand(orderId,
                organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Call off a cart or a placed order of which nothing was shipped; releases its stock")
    ResponseEntity<CommandAccepted> cancel(CallerOrganization organization, @PathVariable UUID orderId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody(required = false) CancelRequest request) {
        return CommandAccepted.ok(orderId, commands.<Long>sendAndWait(new CancelOrderCommand(orderId,
                organization.id(), request == null ? null : request.reason(), IfMatch.expectedVersion(ifMatch))));
    }

    private static OrderItem item(OrderItemRequest request) {
        return new OrderItem(request.lineId() == null ? UUID.randomUUID() : request.lineId(), request.productId(),
                request.quantity(), amount(request.discount()), currency(request.discount()), request.taxRate());
    }

    private static BigDecimal amount(MoneyRequest money) {
        return money == null ? null : money.amount();
    }

    private static String currency(MoneyRequest money) {
        return money == null ? null : money.currency();
    }
}
