package io.unifiedcrm.address.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.address.api.AddAddressCommand;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.ChangeAddressCommand;
import io.unifiedcrm.address.api.MakeAddressDefaultCommand;
import io.unifiedcrm.address.api.RemoveAddressCommand;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/addresses")
class AddressCommandController {

    private final CommandGateway commands;
    private final OrganizationPersons persons;

    AddressCommandController(CommandGateway commands, OrganizationPersons persons) {
        this.commands = commands;
        this.persons = persons;
    }

    @PostMapping
    @Operation(summary = "Add an address to a person (companies and orders join as those domains land)")
    ResponseEntity<CommandAccepted> add(CallerOrganization organization, @Valid @RequestBody AddAddressRequest request) {
        UUID addressId = UUID.randomUUID();
        AddressOwnerType ownerType = AddressOwnerType.of(request.entityType());
        boolean ownerExists = ownerType == AddressOwnerType.PERSON
                && persons.contains(organization.id(), request.entityId());
        long version = commands.<Long>sendAndWait(new AddAddressCommand(addressId, organization.id(),
                request.entityType(), request.entityId(), ownerExists, request.type(), request.address(),
                Boolean.TRUE.equals(request.isDefault())));
        return CommandAccepted.created(URI.create("/api/v1/addresses/" + addressId), addressId, version);
    }

    @PutMapping("/{addressId}")
    @Operation(summary = "Replace an address's type and parts")
    ResponseEntity<CommandAccepted> change(CallerOrganization organization, @PathVariable UUID addressId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody AddressRequest request) {
        return CommandAccepted.ok(addressId, commands.<Long>sendAndWait(new ChangeAddressCommand(addressId,
                organization.id(), request.type(), request.address(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{addressId}/default")
    @Operation(summary = "Make the address its owner's default for its type")
    ResponseEntity<CommandAccepted> makeDefault(CallerOrganization organization, @PathVariable UUID addressId) {
        return CommandAccepted.ok(addressId, commands.<Long>sendAndWait(
                new MakeAddressDefaultCommand(addressId, organization.id())));
    }

    @DeleteMapping("/{addressId}")
    @Operation(summary = "Remove an address")
    ResponseEntity<CommandAccepted> remove(CallerOrganization organization, @PathVariable UUID addressId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(addressId, commands.<Long>sendAndWait(
                new RemoveAddressCommand(addressId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }
}
