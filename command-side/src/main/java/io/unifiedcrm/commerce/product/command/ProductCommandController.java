package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.product.api.AdjustInventoryCommand;
import io.unifiedcrm.commerce.product.api.ChangeProductCommand;
import io.unifiedcrm.commerce.product.api.CreateProductCommand;
import io.unifiedcrm.commerce.product.api.RestockProductCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class ProductCommandController {

    private final CommandGateway commands;

    ProductCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Add a product to the catalog (SKU unique per organization, price in the base currency)")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateProductRequest request) {
        UUID productId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreateProductCommand(productId, organization.id(),
                request.sku(), request.name(), request.description(), request.price().amount(),
                request.price().currency(), request.tags()));
        return CommandAccepted.created(URI.create("/api/v1/products/" + productId), productId, version);
    }

    @PatchMapping(path = "/{productId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a product's name, description, price, status or tags")
    ResponseEntity<CommandAccepted> change(CallerOrganization organization, @PathVariable UUID productId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody ProductPatchRequest request) {
        return CommandAccepted.ok(productId, commands.<Long>sendAndWait(new ChangeProductCommand(productId,
                organization.id(), request.name(), request.description(),
                request.price() == null ? null : request.price().amount(),
                request.price() == null ? null : request.price().currency(), request.status(), request.tags(),
                IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{productId}/restock")
    @Operation(summary = "Add arrived units to the stock on hand")
    ResponseEntity<CommandAccepted> restock(CallerOrganization organization, @PathVariable UUID productId,
                                            @Valid @RequestBody RestockRequest request) {
        return CommandAccepted.ok(productId, commands.<Long>sendAndWait(
                new RestockProductCommand(productId, organization.id(), request.quantity())));
    }

    @PostMapping("/{productId}/inventory-adjustment")
    @Operation(summary = "Set the stock on hand after a count (never below the units reserved for orders)")
    ResponseEntity<CommandAccepted> adjust(CallerOrganization organization, @PathVariable UUID productId,
                                           @Valid @RequestBody InventoryAdjustmentRequest request) {
        return CommandAccepted.ok(productId, commands.<Long>sendAndWait(new AdjustInventoryCommand(productId,
                organization.id(), request.onHand(), request.reason())));
    }
}
