package io.unifiedcrm.identity.person.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.identity.person.api.CreatePersonCommand;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.identity.person.api.UpdatePersonCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.EmailAddress;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;
import io.unifiedcrm.shared.PhoneNumber;
import io.unifiedcrm.shared.RequiredText;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One person of an organization, across sales and selling (seed: identity.person). */
@Aggregate(cache = "aggregateCache")
public class Person {

    static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private UUID personId;
    private UUID organizationId;
    private String email;
    private String phone;
    private boolean emailVerified;
    private boolean phoneVerified;
    private String firstName;
    private String lastName;
    private boolean vendor;
    private LifecycleStage explicitStage;

    protected Person() {
        // for Axon
    }

    /** @return the person's version after creation */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreatePersonCommand command) {
        String email = EmailAddress.of(command.email()).value();
        String first = RequiredText.of("firstName", command.firstName(), MAX_NAME_LENGTH).value();
        String last = RequiredText.of("lastName", command.lastName(), MAX_NAME_LENGTH).value();
        String phone = command.phone() == null ? null : PhoneNumber.of(command.phone()).value();
        String source = command.source() == null ? null : PersonSource.of(command.source()).code();
        apply(new PersonCreatedEvent(command.personId(), command.organizationId(), email, first, last, phone, source));
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the change (unchanged if nothing differs) */
    @CommandHandler
    public long handle(UpdatePersonCommand command) {
        requireOrganization(command.organizationId());
        String first = command.firstName() == null
                ? firstName : RequiredText.of("firstName", command.firstName(), MAX_NAME_LENGTH).value();
        String last = command.lastName() == null
                ? lastName : RequiredText.of("lastName", command.lastName(), MAX_NAME_LENGTH).value();
        LifecycleStage stage = command.lifecycleStage() == null ? null : LifecycleStage.of(command.lifecycleStage());
        if (!first.equals(firstName) || !last.equals(lastName)) {
            apply(new PersonNameChangedEvent(personId, organizationId, first, last));
        }
        if (command.vendor() != null && command.vendor() != vendor) {
            apply(new PersonVendorFlagChangedEvent(personId, organizationId, command.vendor()));
        }
        if (stage != null && stage != explicitStage) {
            apply(new LifecycleStageSetEvent(personId, organizationId, stage.code()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the verification */
    @CommandHandler
    public long handle(VerifyEmailCommand command) {
        requireOrganization(command.organizationId());
        if (!emailVerified) {
            apply(new PersonEmailVerifiedEvent(personId, organizationId, email));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the verification */
    @CommandHandler
    public long handle(VerifyPhoneCommand command) {
        requireOrganization(command.organizationId());
        if (phone == null) {
            throw new DomainRuleViolation(ErrorCode.NO_PHONE, "phone", "The person has no phone number to verify.");
        }
        if (!phoneVerified) {
            apply(new PersonPhoneVerifiedEvent(personId, organizationId, phone));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Another organization's person must look exactly like a missing one. */
    private void requireOrganization(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(PersonCreatedEvent event) {
        this.personId = event.personId();
        this.organizationId = event.organizationId();
        this.firstName = event.firstName();
        this.lastName = event.lastName();
        this.email = event.email();
        this.phone = event.phone();
    }

    @EventSourcingHandler
    void on(PersonEmailVerifiedEvent event) {
        this.emailVerified = true;
    }

    @EventSourcingHandler
    void on(PersonPhoneVerifiedEvent event) {
        this.phoneVerified = true;
    }

    @EventSourcingHandler
    void on(PersonNameChangedEvent event) {
        this.firstName = event.firstName();
        this.lastName = event.lastName();
    }

    @EventSourcingHandler
    void on(PersonVendorFlagChangedEvent event) {
        this.vendor = event.vendor();
    }

    @EventSourcingHandler
    void on(LifecycleStageSetEvent event) {
        this.explicitStage = LifecycleStage.of(event.lifecycleStage());
    }
}
