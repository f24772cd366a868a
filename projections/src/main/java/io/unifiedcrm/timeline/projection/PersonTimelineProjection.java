package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.commerce.customer.api.CommerceCustomerCreatedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageOverrideClearedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonAccountRegisteredEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
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
import io.unifiedcrm.timeline.projection.Timeline.Subject;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * The Person aggregate's events on its timeline: identity (created, profile, e-mail, phone, source details,
 * verifications, account, lifecycle stage, vendor flag, merges) and the commerce customer and CRM contact it became.
 * Keeps each person's name for the summaries of merges.
 */
@Component
@ProcessingGroup(TimelineProcessingGroup.NAME)
class PersonTimelineProjection {

    private final Timeline timeline;

    PersonTimelineProjection(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventHandler
    void on(PersonCreatedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        String name = name(event.firstName(), event.lastName());
        rememberName(event.personId(), event.organizationId(), name, occurrence);
        person(occurrence, event.organizationId(), event.personId(), "person.created",
                "Person " + Timeline.quoted(name) + " created" + (event.source() == null ? ""
                        : " (source " + event.source() + ")"),
                Details.of("email", event.email()).and("firstName", event.firstName())
                        .and("lastName", event.lastName()).and("phone", event.phone()).and("source", event.source()));
    }

    @EventHandler
    void on(PersonProfileChangedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        rememberName(event.personId(), event.organizationId(), name(event.firstName(), event.lastName()), occurrence);
        person(occurrence, event.organizationId(), event.personId(), "person.profile_changed", "Profile changed",
                Details.of("firstName", event.firstName()).and("lastName", event.lastName())
                        .and("middleName", event.middleName()).and("displayName", event.displayName())
                        .and("avatarUrl", event.avatarUrl()));
    }

    @EventHandler
    void on(PersonNameChangedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        String name = name(event.firstName(), event.lastName());
        rememberName(event.personId(), event.organizationId(), name, occurrence);
        person(occurrence, event.organizationId(), event.personId(), "person.name_changed",
                "Name changed to " + Timeline.quoted(name),
                Details.of("firstName", event.firstName()).and("lastName", event.lastName()));
    }

    @EventHandler
    void on(PersonEmailChangedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.email_changed",
                "E-mail address changed",
                Details.of("email", event.email()).and("previousEmail", event.previousEmail()));
    }

    @EventHandler
    void on(PersonPhoneChangedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.phone_changed",
                event.phone() == null ? "Phone number removed" : "Phone number changed",
                Details.of("phone", event.phone()));
    }

    @EventHandler
    void on(PersonSourceDetailsChangedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.source_details_changed",
                event.sourceDetails() == null ? "Source details removed" : "Source details changed",
                Details.of("sourceDetails", event.sourceDetails()));
    }

    @EventHandler
    void on(PersonEmailVerifiedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.email_verified",
                "E-mail address verified", Details.of("email", event.email()));
    }

    @EventHandler
    void on(PersonPhoneVerifiedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.phone_verified",
                "Phone number verified", Details.of("phone", event.phone()));
    }

    @EventHandler
    void on(PersonAccountRegisteredEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.account_registered",
                "Account registered", Details.none());
    }

    @EventHandler
    void on(LifecycleStageSetEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.lifecycle_stage_set",
                "Lifecycle stage set to " + event.lifecycleStage(),
                Details.of("lifecycleStage", event.lifecycleStage()));
    }

    @EventHandler
    void on(LifecycleStageOverrideClearedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.lifecycle_stage_cleared",
                "Explicit lifecycle stage removed", Details.none());
    }

    @EventHandler
    void on(PersonVendorFlagChangedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.vendor_flag_changed",
                event.vendor() ? "Marked as a vendor" : "No longer marked as a vendor",
                Details.of("vendor", event.vendor()));
    }

    @EventHandler
    void on(PersonMergedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        String source = timeline.quotedName(event.organizationId(), event.sourcePersonId(), "a person");
        rememberProfile(event.personId(), event.organizationId(), event.profile(), occurrence);
        person(occurrence, event.organizationId(), event.personId(), "person.merged",
                "Merged " + source + " into this person",
                Details.of("sourcePersonId", event.sourcePersonId())
                        .and("filledFromSource", event.filledFromSource())
                        .and("addedSecondaryEmails", event.addedSecondaryEmails()));
    }

    @EventHandler
    void on(PersonMergedIntoEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.merged_into",
                "Merged into " + timeline.quotedName(event.organizationId(), event.survivorId(), "another person"),
                Details.of("survivorId", event.survivorId()));
    }

    @EventHandler
    void on(PersonUnmergedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        String source = timeline.quotedName(event.organizationId(), event.sourcePersonId(), "a person");
        rememberProfile(event.personId(), event.organizationId(), event.profile(), occurrence);
        person(occurrence, event.organizationId(), event.personId(), "person.unmerged",
                "Unmerged " + source + " from this person",
                Details.of("sourcePersonId", event.sourcePersonId()).and("releasedEmails", event.releasedEmails()));
    }

    @EventHandler
    void on(PersonRestoredFromMergeEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "person.restored",
                "Restored from the merge into "
                        + timeline.quotedName(event.organizationId(), event.formerSurvivorId(), "another person"),
                Details.of("formerSurvivorId", event.formerSurvivorId()));
    }

    @EventHandler
    void on(CommerceCustomerCreatedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "customer.created",
                "Became a commerce customer (" + event.customerNumber() + ")",
                Details.of("customerNumber", event.customerNumber()));
    }

    @EventHandler
    void on(CrmContactCreatedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "contact.created",
                "Became a CRM contact (lead status " + event.leadStatus() + ")",
                Details.of("leadStatus", event.leadStatus()).and("leadSource", event.leadSource()));
    }

    @EventHandler
    void on(CrmContactChangedEvent event, TrackedEventMessage<?> message) {
        person(Occurrence.of(message), event.organizationId(), event.personId(), "contact.changed",
                "Contact details changed (lead status " + event.leadStatus() + ")",
                Details.of("leadStatus", event.leadStatus()).and("leadSource", event.leadSource())
                        .and("jobTitle", event.jobTitle()).and("department", event.department())
                        .and("companyId", event.companyId()).and("ownerId", event.ownerId())
                        .and("nextFollowUp", event.nextFollowUp()));
    }

    @ResetHandler
    void reset() {
        timeline.reset();
    }

    private void person(Occurrence occurrence, UUID organizationId, UUID personId, String type, String summary,
                        Details details) {
        timeline.add(occurrence, organizationId, personId, type, personId, summary, details);
    }

    private void rememberProfile(UUID personId, UUID organizationId, PersonProfile profile, Occurrence occurrence) {
        if (profile != null) {
            rememberName(personId, organizationId, name(profile.firstName(), profile.lastName()), occurrence);
        }
    }

    private void rememberName(UUID personId, UUID organizationId, String name, Occurrence occurrence) {
        timeline.remember(new Subject(personId, organizationId, "person", personId, name, null),
                occurrence.sequenceNumber());
    }

    private static String name(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? null : name;
    }
}
