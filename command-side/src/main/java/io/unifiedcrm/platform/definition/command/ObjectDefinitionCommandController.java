package io.unifiedcrm.platform.definition.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import io.unifiedcrm.platform.definition.api.ChangeObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.CreateObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.DefineAssociationCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
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
@RequestMapping("/api/v1/object-definitions")
class ObjectDefinitionCommandController {

    private final CommandGateway commands;
    private final ObjectTypeRegistry types;

    ObjectDefinitionCommandController(CommandGateway commands, ObjectTypeRegistry types) {
        this.commands = commands;
        this.types = types;
    }

    @PostMapping
    @Operation(summary = "Define an object type (custom object) with a JSON Schema of its properties",
            description = "A schema whose validation cost is unbounded is 422 invalid_schema: $ref only within the "
                    + "schema and never in a cycle, no $dynamicRef, $id only at the root, at most 32 levels, 32 "
                    + "entries per anyOf/oneOf/allOf/prefixItems and 10,000 objects once $refs are expanded. An "
                    + "organization has at most 100 object types, the system types included: 409 "
                    + "object_type_limit_reached.")
    ResponseEntity<CommandAccepted> define(CallerOrganization organization,
                                           @Valid @RequestBody DefineObjectTypeRequest request) {
        UUID definitionId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreateObjectDefinitionCommand(definitionId, organization.id(),
                request.name(), request.pluralName(), request.schema(), request.displayProperty(), request.icon(),
                request.color(), request.features(), request.uniqueProperty(), false));
        return CommandAccepted.created(URI.create("/api/v1/object-definitions/" + request.name()), definitionId,
                version);
    }

    @PatchMapping(path = "/{name}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change an object type; a new schema becomes its next schema version")
    ResponseEntity<CommandAccepted> change(CallerOrganization organization, @PathVariable String name,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody ChangeObjectTypeRequest request) {
        UUID definitionId = definitionOf(organization, name);
        return CommandAccepted.ok(definitionId, commands.<Long>sendAndWait(new ChangeObjectDefinitionCommand(
                definitionId, organization.id(), request.pluralName(), request.schema(), request.displayProperty(),
                request.icon(), request.color(), request.features(), request.active(),
                IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{name}/associations")
    @Operation(summary = "Define a labelled association from this object type to another (with inverse label)")
    ResponseEntity<CommandAccepted> defineAssociation(CallerOrganization organization, @PathVariable String name,
                                                      @Valid @RequestBody DefineAssociationRequest request) {
        UUID definitionId = definitionOf(organization, name);
        boolean toTypeExists = types.definitionOf(organization.id(), request.toObjectType()).isPresent();
        return CommandAccepted.ok(definitionId, commands.<Long>sendAndWait(new DefineAssociationCommand(definitionId,
                organization.id(), request.toObjectType(), toTypeExists, request.label(), request.inverseLabel(),
                request.maxPerRecord())));
    }

    private UUID definitionOf(CallerOrganization organization, String name) {
        return types.definitionOf(organization.id(), name).orElseThrow(DomainRuleViolation::notFound);
    }
}
