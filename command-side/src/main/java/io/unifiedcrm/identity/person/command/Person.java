package io.unifiedcrm.identity.person.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.commerce.customer.api.BecomeCommerceCustomerCommand;
import io.unifiedcrm.commerce.customer.api.CommerceCustomerCreatedEvent;
import io.unifiedcrm.commerce.customer.command.CustomerNumbers;
import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.crm.contact.api.ChangeContactCommand;
import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.crm.contact.api.MakeContactCommand;
import io.unifiedcrm.crm.contact.command.ContactDetails;
import io.unifiedcrm.identity.person.api.AbsorbPersonCommand;
import io.unifiedcrm.identity.person.api.CreatePersonCommand;
import io.unifiedcrm.identity.person.api.LifecycleStageOverrideClearedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.MarkPersonMergedCommand;
import io.unifiedcrm.identity.person.api.PersonAccountRegisteredEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonMergeResult;
import io.unifiedcrm.identity.person.api.PersonMergedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.identity.person.api.PersonProfileChangedEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.person.api.PersonSourceDetailsChangedEvent;
import io.unifiedcrm.identity.person.api.PersonUnmergedEvent;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.identity.person.api.RegisterPersonAccountCommand;
import io.unifiedcrm.identity.person.api.ReleaseMergedPersonCommand;
import io.unifiedcrm.identity.person.api.RestoreMergedPersonCommand;
import io.unifiedcrm.identity.person.api.UpdatePersonCommand;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.EmailAddress;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.OptionalText;
import io.unifiedcrm.shared.PersonSource;
import io.unifiedcrm.shared.PhoneNumber;
import io.unifiedcrm.shared.RequiredText;
import io.unifiedcrm.shared.SourceDetails;
import io.unifiedcrm.shared.WebUrl;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One person of an organization, across sales and selling (seed: identity.person). */
@Aggregate(cache = "personCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Person {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DISPLAY_NAME_LENGTH = 200;
    static final String LEAD_STATUS_NEW = "new";

    @AggregateIdentifier
    private UUID personId;
    private UUID organizationId;
    private PersonProfile profile;
    private boolean vendor;
    private LifecycleStage explicitStage;
    private boolean hasAccount;
    private String customerNumber;
    private UUID mergedIntoId;
    private final Map<UUID, AbsorbedPerson> absorbed = new HashMap<>();
    /** The CRM contact extension; {@code null} while the person is not a contact. */
    private ContactDetails contact;

    protected Person() {
        // for Axon
    }

    /** @return the person's version after creation (the extensions its source brings are events of their own) */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreatePersonCommand command, CustomerNumbers customerNumbers) {
        String email = EmailAddress.of(command.email()).value();
        String first = RequiredText.of("firstName", command.firstName(), MAX_NAME_LENGTH).value();
        String last = RequiredText.of("lastName", command.lastName(), MAX_NAME_LENGTH).value();
        String middle = OptionalText.of("middleName", command.middleName(), MAX_NAME_LENGTH);
        String display = OptionalText.of("displayName", command.displayName(), MAX_DISPLAY_NAME_LENGTH);
        String avatar = command.avatarUrl() == null ? null : WebUrl.of(command.avatarUrl()).value();
        String phone = command.phone() == null ? null : PhoneNumber.of(command.phone()).value();
        PersonSource source = command.source() == null ? null : PersonSource.of(command.source());
        Map<String, Object> details = SourceDetails.of(command.sourceDetails());

        UUID id = command.personId();
        UUID organization = command.organizationId();
        apply(new PersonCreatedEvent(id, organization, email, first, last, phone, source == null ? null : source.code()));
        if (middle != null || display != null || avatar != null) {
            apply(new PersonProfileChangedEvent(id, organization, first, last, middle, display, avatar));
        }
        if (details != null) {
            apply(new PersonSourceDetailsChangedEvent(id, organization, details));
        }
        if (source == PersonSource.CHECKOUT) {
            apply(new CommerceCustomerCreatedEvent(id, organization, customerNumbers.next(organization)));
        }
        if (source == PersonSource.LEAD_FORM) {
            apply(new CrmContactCreatedEvent(id, organization, LEAD_STATUS_NEW, PersonSource.LEAD_FORM.code()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** JSON merge patch of the person. @return the version after the change (unchanged if nothing differs) */
    @CommandHandler
    public long handle(UpdatePersonCommand command) {
        requireActivePersonOf(command.organizationId());
        String newEmail = changed(command.email(), profile.email(), "email", value -> EmailAddress.of(value).value(), true);
        String newPhone = changed(command.phone(), profile.phone(), "phone", value -> PhoneNumber.of(value).value(), false);
        String first = changed(command.firstName(), profile.firstName(), "firstName",
                value -> RequiredText.of("firstName", value, MAX_NAME_LENGTH).value(), true);
        String last = changed(command.lastName(), profile.lastName(), "lastName",
                value -> RequiredText.of("lastName", value, MAX_NAME_LENGTH).value(), true);
        String middle = changed(command.middleName(), profile.middleName(), "middleName",
                value -> OptionalText.of("middleName", value, MAX_NAME_LENGTH), false);
        String display = changed(command.displayName(), profile.displayName(), "displayName",
                value -> OptionalText.of("displayName", value, MAX_DISPLAY_NAME_LENGTH), false);
        String avatar = changed(command.avatarUrl(), profile.avatarUrl(), "avatarUrl", value -> WebUrl.of(value).value(), false);
        Map<String, Object> details = command.sourceDetails() == null ? profile.sourceDetails()
                : command.sourceDetails().removes() ? null
                : SourceDetails.mergePatch(profile.sourceDetails(), command.sourceDetails().value());
        boolean newVendor = command.vendor() == null ? vendor : Boolean.TRUE.equals(command.vendor().value());
        FieldChange<String> stageChange = command.lifecycleStage();
        LifecycleStage stage = stageChange == null || stageChange.removes() ? null : LifecycleStage.of(stageChange.value());

        if (!newEmail.equals(profile.email())) {
            apply(new PersonEmailChangedEvent(personId, organizationId, newEmail, profile.email()));
        }
        if (!Objects.equals(newPhone, profile.phone())) {
            apply(new PersonPhoneChangedEvent(personId, organizationId, newPhone));
        }
        if (!profile.withNames(first, last, middle, display, avatar).equals(profile)) {
            apply(new PersonProfileChangedEvent(personId, organizationId, first, last, middle, display, avatar));
        }
        if (!Objects.equals(details, profile.sourceDetails())) {
            apply(new PersonSourceDetailsChangedEvent(personId, organizationId, details));
        }
        if (newVendor != vendor) {
            apply(new PersonVendorFlagChangedEvent(personId, organizationId, newVendor));
        }
        if (stage != null && stage != explicitStage) {
            apply(new LifecycleStageSetEvent(personId, organizationId, stage.code()));
        }
        if (stageChange != null && stageChange.removes() && explicitStage != null) {
            apply(new LifecycleStageOverrideClearedEvent(personId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the verification */
    @CommandHandler
    public long handle(VerifyEmailCommand command) {
        requireActivePersonOf(command.organizationId());
        if (!profile.emailVerified()) {
            apply(new PersonEmailVerifiedEvent(personId, organizationId, profile.email()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the verification */
    @CommandHandler
    public long handle(VerifyPhoneCommand command) {
        requireActivePersonOf(command.organizationId());
        if (profile.phone() == null) {
            throw new DomainRuleViolation(ErrorCode.NO_PHONE, "phone", "The person has no phone number to verify.");
        }
        if (!profile.phoneVerified()) {
            apply(new PersonPhoneVerifiedEvent(personId, organizationId, profile.phone()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's version after the registration */
    @CommandHandler
    public long handle(RegisterPersonAccountCommand command) {
        requireActivePersonOf(command.organizationId());
        if (!hasAccount) {
            apply(new PersonAccountRegisteredEvent(personId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The survivor's half of a merge (see {@link PersonMergeCoordinator}). */
    @CommandHandler
    public PersonMergeResult handle(AbsorbPersonCommand command) {
        requireActivePersonOf(command.organizationId());
        if (command.sourcePersonId().equals(personId)) {
            throw new DomainRuleViolation(ErrorCode.MERGE_WITH_ITSELF, "sourcePersonId",
                    "A person cannot be merged into itself.");
        }
        Survivorship survivorship = Survivorship.of(profile, command.sourceProfile());
        List<String> filled = List.copyOf(survivorship.filledFields().keySet());
        if (!command.dryRun()) {
            apply(new PersonMergedEvent(personId, organizationId, command.sourcePersonId(), survivorship.merged(),
                    filled, survivorship.addedSecondaryEmails()));
        }
        return new PersonMergeResult(personId, command.sourcePersonId(), survivorship.merged(), filled,
                AggregateLifecycle.getVersion(), command.dryRun());
    }

    /** The source's half of a merge: it becomes a tombstone. */
    @CommandHandler
    public long handle(MarkPersonMergedCommand command) {
        requireActivePersonOf(command.organizationId());
        apply(new PersonMergedIntoEvent(personId, organizationId, command.survivorId()));
        return AggregateLifecycle.getVersion();
    }

    /** The survivor's half of an unmerge. */
    @CommandHandler
    public long handle(ReleaseMergedPersonCommand command) {
        requireActivePersonOf(command.organizationId());
        AbsorbedPerson merge = absorbed.get(command.sourcePersonId());
        if (merge == null) {
            throw new DomainRuleViolation(ErrorCode.NOT_MERGED, "sourcePersonId",
                    "That person is not merged into this one.");
        }
        PersonProfile restored = Survivorship.withoutAbsorbed(profile, merge);
        List<String> released = profile.secondaryEmails().stream()
                .filter(address -> !restored.secondaryEmails().contains(address)).toList();
        apply(new PersonUnmergedEvent(personId, organizationId, command.sourcePersonId(), restored, released));
        return AggregateLifecycle.getVersion();
    }

    /** The source's half of an unmerge. */
    @CommandHandler
    public long handle(RestoreMergedPersonCommand command) {
        requireOrganization(command.organizationId());
        if (!command.formerSurvivorId().equals(mergedIntoId)) {
            throw new DomainRuleViolation(ErrorCode.NOT_MERGED, "sourcePersonId",
                    "That person is not merged into this one.");
        }
        apply(new PersonRestoredFromMergeEvent(personId, organizationId, mergedIntoId));
        return AggregateLifecycle.getVersion();
    }

    /** The profile a merge would take over from this person; refuses a merged or foreign person. */
    PersonProfile profileForMerge(UUID callerOrganization) {
        requireActivePersonOf(callerOrganization);
        return profile;
    }

    /**
     * The field's value after a merge-patch change: unchanged without a change, {@code null} when removed (refused
     * for a required field), else the value as {@code validate} normalises it.
     */
    private static String changed(FieldChange<String> change, String current, String field,
                                  Function<String, String> validate, boolean required) {
        if (change == null) {
            return current;
        }
        if (change.removes()) {
            if (required) {
                throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, field, field + " cannot be removed.");
            }
            return null;
        }
        return validate.apply(change.value());
    }

    /**
     * Makes the person a CRM contact: {@link CrmContactCreatedEvent} (the lifecycle rule's "lead"), followed by the
     * full {@link CrmContactChangedEvent} when more than the lead status and source is given.
     *
     * @return the person's version after the change
     */
    @CommandHandler
    public long handle(MakeContactCommand command, CompanyRecords companies, OrganizationPersons persons) {
        requireActivePersonOf(command.organizationId());
        if (contact != null) {
            throw new DomainRuleViolation(ErrorCode.ALREADY_A_CONTACT, "personId",
                    "The person is a contact already; change it with PATCH /api/v1/contacts/{personId}.",
                    personId.toString());
        }
        ContactDetails details = ContactDetails.of(command);
        details.requireReferences(null, organizationId, companies, persons);
        apply(new CrmContactCreatedEvent(personId, organizationId, details.leadStatus(), details.leadSource()));
        if (details.beyondStatusAndSource()) {
            apply(details.changedEvent(personId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Merge patch of the contact's fields. @return the person's version after it (unchanged if nothing differs) */
    @CommandHandler
    public long handle(ChangeContactCommand command, CompanyRecords companies, OrganizationPersons persons) {
        requireActivePersonOf(command.organizationId());
        if (contact == null) {
            throw new DomainRuleViolation(ErrorCode.NOT_A_CONTACT, null,
                    "The person is not a contact; make it one with POST /api/v1/contacts.");
        }
        ContactDetails changed = contact.changedBy(command);
        changed.requireReferences(contact, organizationId, companies, persons);
        if (!changed.equals(contact)) {
            apply(changed.changedEvent(personId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the person's customer number, allocated now if they were not a commerce customer yet */
    @CommandHandler
    public String handle(BecomeCommerceCustomerCommand command, CustomerNumbers customerNumbers) {
        requireActivePersonOf(command.organizationId());
        if (customerNumber == null) {
            apply(new CommerceCustomerCreatedEvent(personId, organizationId, customerNumbers.next(organizationId)));
        }
        return customerNumber;
    }

    /**
     * For another aggregate's command that names this person (a deal's owner or primary person): @throws
     * DomainRuleViolation not_found for another organization's person, person_merged naming the survivor.
     */
    public void requireActiveFor(UUID callerOrganization) {
        requireActivePersonOf(callerOrganization);
    }

    /** Another organization's person must look exactly like a missing one; a merged person takes no commands. */
    private void requireActivePersonOf(UUID callerOrganization) {
        requireOrganization(callerOrganization);
        if (mergedIntoId != null) {
            throw new DomainRuleViolation(ErrorCode.PERSON_MERGED, null,
                    "The person was merged into another person; use the survivor.", mergedIntoId.toString());
        }
    }

    private void requireOrganization(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(CommerceCustomerCreatedEvent event) {
        this.customerNumber = event.customerNumber();
    }

    @EventSourcingHandler
    void on(CrmContactCreatedEvent event) {
        this.contact = ContactDetails.initial(event.leadStatus(), event.leadSource());
    }

    @EventSourcingHandler
    void on(CrmContactChangedEvent event) {
        this.contact = ContactDetails.of(event);
    }

    @EventSourcingHandler
    void on(PersonCreatedEvent event) {
        this.personId = event.personId();
        this.organizationId = event.organizationId();
        this.profile = new PersonProfile(event.email(), false, List.of(), event.phone(), false, event.firstName(),
                event.lastName(), null, null, null, null);
    }

    @EventSourcingHandler
    void on(PersonEmailVerifiedEvent event) {
        this.profile = profile.withEmailVerified();
    }

    @EventSourcingHandler
    void on(PersonPhoneVerifiedEvent event) {
        this.profile = profile.withPhoneVerified();
    }

    @EventSourcingHandler
    void on(PersonNameChangedEvent event) {
        this.profile = profile.withNames(event.firstName(), event.lastName(), profile.middleName(),
                profile.displayName(), profile.avatarUrl());
    }

    @EventSourcingHandler
    void on(PersonProfileChangedEvent event) {
        this.profile = profile.withNames(event.firstName(), event.lastName(), event.middleName(),
                event.displayName(), event.avatarUrl());
    }

    @EventSourcingHandler
    void on(PersonEmailChangedEvent event) {
        this.profile = profile.withEmail(event.email());
        absorbed.replaceAll((source, merge) -> merge.without(event.email()));
    }

    @EventSourcingHandler
    void on(PersonPhoneChangedEvent event) {
        this.profile = profile.withPhone(event.phone());
    }

    @EventSourcingHandler
    void on(PersonSourceDetailsChangedEvent event) {
        this.profile = profile.withSourceDetails(event.sourceDetails());
    }

    @EventSourcingHandler
    void on(PersonVendorFlagChangedEvent event) {
        this.vendor = event.vendor();
    }

    @EventSourcingHandler
    void on(LifecycleStageSetEvent event) {
        this.explicitStage = LifecycleStage.of(event.lifecycleStage());
    }

    @EventSourcingHandler
    void on(LifecycleStageOverrideClearedEvent event) {
        this.explicitStage = null;
    }

    @EventSourcingHandler
    void on(PersonAccountRegisteredEvent event) {
        this.hasAccount = true;
    }

    @EventSourcingHandler
    void on(PersonMergedEvent event) {
        Map<String, Object> filled = new LinkedHashMap<>();
        for (String field : event.filledFromSource()) {
            filled.put(field, valueOf(event.profile(), field));
        }
        absorbed.put(event.sourcePersonId(), new AbsorbedPerson(filled, event.addedSecondaryEmails()));
        this.profile = event.profile();
    }

    @EventSourcingHandler
    void on(PersonUnmergedEvent event) {
        absorbed.remove(event.sourcePersonId());
        this.profile = event.profile();
    }

    @EventSourcingHandler
    void on(PersonMergedIntoEvent event) {
        this.mergedIntoId = event.survivorId();
    }

    @EventSourcingHandler
    void on(PersonRestoredFromMergeEvent event) {
        this.mergedIntoId = null;
    }

    private static Object valueOf(PersonProfile profile, String field) {
        return switch (field) {
            case "phone" -> profile.phone();
            case "middleName" -> profile.middleName();
            case "displayName" -> profile.displayName();
            case "avatarUrl" -> profile.avatarUrl();
            case "sourceDetails" -> profile.sourceDetails();
            default -> throw new IllegalStateException("Not a merge-filled field: " + field);
        };
    }
}
