package io.unifiedcrm.address.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.address.api.AddAddressCommand;
import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressMadeDefaultEvent;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.AddressRemovedEvent;
import io.unifiedcrm.address.api.AddressType;
import io.unifiedcrm.address.api.ChangeAddressCommand;
import io.unifiedcrm.address.api.MakeAddressDefaultCommand;
import io.unifiedcrm.address.api.PostalAddress;
import io.unifiedcrm.address.api.RemoveAddressCommand;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
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
 * One postal address of a person, company or order (seed: shared.address, polymorphic owner). Which address is an
 * owner's default of a type is decided by the order of the default events, in the read model.
 */
@Aggregate(cache = "addressCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Address {

    @AggregateIdentifier
    private UUID addressId;
    private UUID organizationId;
    private String entityType;
    private UUID entityId;
    private String type;
    private PostalAddress address;
    private boolean removed;

    protected Address() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(AddAddressCommand command) {
        AddressOwnerType owner = AddressOwnerType.of(command.entityType());
        if (!command.ownerExists()) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_OWNER, "entityId",
                    "No " + owner.code() + " with this id in this organization.");
        }
        String addressType = AddressType.of(command.type()).code();
        PostalAddress parts = command.address().validated();
        apply(new AddressAddedEvent(command.addressId(), command.organizationId(), owner.code(), command.entityId(),
                addressType, parts));
        if (command.makeDefault()) {
            apply(new AddressMadeDefaultEvent(command.addressId(), command.organizationId(), owner.code(),
                    command.entityId(), addressType));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeAddressCommand command) {
        requireExistingOf(command.organizationId());
        String addressType = AddressType.of(command.type()).code();
        PostalAddress parts = command.address().validated();
        if (!addressType.equals(type) || !parts.equals(address)) {
            apply(new AddressChangedEvent(addressId, organizationId, entityType, entityId, addressType, parts));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(MakeAddressDefaultCommand command) {
        requireExistingOf(command.organizationId());
        apply(new AddressMadeDefaultEvent(addressId, organizationId, entityType, entityId, type));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveAddressCommand command) {
        requireExistingOf(command.organizationId());
        apply(new AddressRemovedEvent(addressId, organizationId, entityType, entityId));
        return AggregateLifecycle.getVersion();
    }

    /** A removed address, like another organization's, does not exist for commands. */
    private void requireExistingOf(UUID callerOrganization) {
        if (removed || !Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(AddressAddedEvent event) {
        this.addressId = event.addressId();
        this.organizationId = event.organizationId();
        this.entityType = event.entityType();
        this.entityId = event.entityId();
        this.type = event.type();
        this.address = event.address();
    }

    @EventSourcingHandler
    void on(AddressChangedEvent event) {
        this.type = event.type();
        this.address = event.address();
    }

    @EventSourcingHandler
    void on(AddressRemovedEvent event) {
        this.removed = true;
    }
}
