package io.unifiedcrm.identity.person.command;

import static io.unifiedcrm.identity.person.command.PersonFixtures.ADA_CREATED;
import static io.unifiedcrm.identity.person.command.PersonFixtures.ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OTHER_ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.PERSON;
import static io.unifiedcrm.identity.person.command.PersonFixtures.violation;

import io.unifiedcrm.commerce.customer.api.CommerceCustomerCreatedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.identity.person.api.CreatePersonCommand;
import io.unifiedcrm.identity.person.api.LifecycleStageOverrideClearedEvent;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonAccountRegisteredEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonProfileChangedEvent;
import io.unifiedcrm.identity.person.api.PersonSourceDetailsChangedEvent;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.identity.person.api.RegisterPersonAccountCommand;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
import io.unifiedcrm.shared.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixtures.fixture();
    }

    private static CreatePersonCommand create(String email, String first, String last, String phone, String source) {
        return new CreatePersonCommand(PERSON, ORGANIZATION, email, first, last, null, null, null, phone, source,
                null);
    }

    @Test
    void creatingAPersonNormalisesTheInputAndAnswersVersionZero() {
        fixture.givenNoPriorActivity()
                .when(create(" Ada@Example.com ", " Ada ", "Lovelace", "+44 (20) 7946-0958", "organic"))
                .expectEvents(new PersonCreatedEvent(PERSON, ORGANIZATION, "Ada@Example.com", "Ada", "Lovelace",
                        "+442079460958", "organic"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void phoneAndSourceAreOptional() {
        fixture.givenNoPriorActivity()
                .when(create("Ada@Example.com", "Ada", "Lovelace", null, null))
                .expectEvents(ADA_CREATED);
    }

    @Test
    void theOptionalProfileFieldsAndSourceDetailsAreEventsOfTheCreation() {
        Map<String, Object> details = Map.of("campaign", "spring-sale");
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "Ada@Example.com", "Ada", "Lovelace", " Augusta ",
                        "Ada L.", "https://cdn.example.com/ada.png", null, null, details))
                .expectEvents(ADA_CREATED,
                        new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Ada", "Lovelace", "Augusta", "Ada L.",
                                "https://cdn.example.com/ada.png"),
                        new PersonSourceDetailsChangedEvent(PERSON, ORGANIZATION, details))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCheckoutMakesTheNewPersonACommerceCustomerWithACustomerNumber() {
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", "Ada", "Lovelace", null, "checkout"))
                .expectEvents(new PersonCreatedEvent(PERSON, ORGANIZATION, "ada@example.com", "Ada", "Lovelace", null,
                                "checkout"),
                        new CommerceCustomerCreatedEvent(PERSON, ORGANIZATION, "C000042"));
    }

    @Test
    void aLeadFormMakesTheNewPersonACrmContactWithLeadStatusNew() {
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", "Ada", "Lovelace", null, "lead_form"))
                .expectEvents(new PersonCreatedEvent(PERSON, ORGANIZATION, "ada@example.com", "Ada", "Lovelace", null,
                                "lead_form"),
                        new CrmContactCreatedEvent(PERSON, ORGANIZATION, "new", "lead_form"));
    }

    @Test
    void anInvalidEmailIsRejected() {
        fixture.givenNoPriorActivity()
                .when(create("ada@", "Ada", "Lovelace", null, null))
                .expectException(violation(ErrorCode.INVALID_EMAIL, "email"))
                .expectNoEvents();
    }

    @Test
    void blankNamesAreRejected() {
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", " ", "Lovelace", null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "firstName"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", "Ada", "", null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "lastName"))
                .expectNoEvents();
    }

    @Test
    void aTooLongMiddleNameOrAnAvatarThatIsNoUrlIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "a@example.com", "A", "B", "M".repeat(101), null,
                        null, null, null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "middleName"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "a@example.com", "A", "B", null, null,
                        "javascript:alert(1)", null, null, null))
                .expectException(violation(ErrorCode.INVALID_URL, "avatarUrl"))
                .expectNoEvents();
    }

    @Test
    void aPhoneNotInInternationalFormIsRejected() {
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", "Ada", "Lovelace", "030 1234", null))
                .expectException(violation(ErrorCode.INVALID_PHONE, "phone"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSourceIsRejected() {
        fixture.givenNoPriorActivity()
                .when(create("ada@example.com", "Ada", "Lovelace", null, "carrier_pigeon"))
                .expectException(violation(ErrorCode.UNKNOWN_SOURCE, "source"))
                .expectNoEvents();
    }

    @Test
    void aPatchKeepsAbsentMembersAndAnswersTheNewVersion() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("lastName", "King").on(PERSON, ORGANIZATION))
                .expectEvents(new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Ada", "King", null, null, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aPatchWithTheCurrentValuesChangesNothing() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", "Ada").set("lastName", "Lovelace").set("vendor", false)
                        .remove("phone").on(PERSON, ORGANIZATION))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void nullRemovesAnOptionalMemberButNotARequiredOne() {
        fixture.given(ADA_CREATED, new PersonPhoneChangedEvent(PERSON, ORGANIZATION, "+4930123456"))
                .when(Patch.of().remove("phone").on(PERSON, ORGANIZATION))
                .expectEvents(new PersonPhoneChangedEvent(PERSON, ORGANIZATION, null));
        fixture.given(ADA_CREATED)
                .when(Patch.of().remove("email").on(PERSON, ORGANIZATION))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "email"))
                .expectNoEvents();
        fixture.given(ADA_CREATED)
                .when(Patch.of().remove("lastName").on(PERSON, ORGANIZATION))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "lastName"))
                .expectNoEvents();
    }

    @Test
    void aNewEmailAddressIsAnEventWithThePreviousOneAndIsNotVerified() {
        fixture.given(ADA_CREATED, new PersonEmailVerifiedEvent(PERSON, ORGANIZATION, "Ada@Example.com"))
                .when(Patch.of().set("email", " ada.king@example.com ").on(PERSON, ORGANIZATION))
                .expectEvents(new PersonEmailChangedEvent(PERSON, ORGANIZATION, "ada.king@example.com",
                        "Ada@Example.com"));
        fixture.given(ADA_CREATED, new PersonEmailChangedEvent(PERSON, ORGANIZATION, "ada.king@example.com",
                        "Ada@Example.com"))
                .when(new VerifyEmailCommand(PERSON, ORGANIZATION, null))
                .expectEvents(new PersonEmailVerifiedEvent(PERSON, ORGANIZATION, "ada.king@example.com"));
    }

    @Test
    void sourceDetailsAreMergedMemberByMember() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("campaign", "spring");
        before.put("utm", Map.of("medium", "mail", "term", "x"));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("campaign", null);
        patch.put("utm", java.util.Collections.singletonMap("term", null));
        patch.put("form", "signup");
        fixture.given(ADA_CREATED, new PersonSourceDetailsChangedEvent(PERSON, ORGANIZATION, before))
                .when(Patch.of().set("sourceDetails", patch).on(PERSON, ORGANIZATION))
                .expectEvents(new PersonSourceDetailsChangedEvent(PERSON, ORGANIZATION,
                        Map.of("utm", Map.of("medium", "mail"), "form", "signup")));
    }

    @Test
    void aBlankNewNameIsRejected() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", " ").on(PERSON, ORGANIZATION))
                .expectException(violation(ErrorCode.INVALID_NAME, "firstName"))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationCannotChangeThePersonAndSeesNotFound() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", "Eve").on(PERSON, OTHER_ORGANIZATION))
                .expectException(violation(ErrorCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void aChangeForTheCurrentVersionApplies() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", "Augusta").atVersion(0).on(PERSON, ORGANIZATION))
                .expectEvents(new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Augusta", "Lovelace", null, null,
                        null));
    }

    @Test
    void aChangeForAnOlderOrFutureVersionIsRejected() {
        fixture.given(ADA_CREATED, new PersonVendorFlagChangedEvent(PERSON, ORGANIZATION, true))
                .when(Patch.of().set("firstName", "Augusta").atVersion(0).on(PERSON, ORGANIZATION))
                .expectException(ConflictingAggregateVersionException.class);
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", "Augusta").atVersion(4).on(PERSON, ORGANIZATION))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aPatchChangesNameVendorFlagAndLifecycleStageTogether() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("lastName", "King").set("vendor", true).set("lifecycleStage", "customer")
                        .on(PERSON, ORGANIZATION))
                .expectEvents(new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Ada", "King", null, null, null),
                        new PersonVendorFlagChangedEvent(PERSON, ORGANIZATION, true),
                        new LifecycleStageSetEvent(PERSON, ORGANIZATION, "customer"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void settingTheSameVendorFlagOrExplicitStageAgainChangesNothing() {
        fixture.given(ADA_CREATED, new PersonVendorFlagChangedEvent(PERSON, ORGANIZATION, true),
                        new LifecycleStageSetEvent(PERSON, ORGANIZATION, "lead"))
                .when(Patch.of().set("vendor", true).set("lifecycleStage", "lead").on(PERSON, ORGANIZATION))
                .expectNoEvents();
    }

    @Test
    void removingTheExplicitStageClearsTheOverrideOnlyIfThereIsOne() {
        fixture.given(ADA_CREATED, new LifecycleStageSetEvent(PERSON, ORGANIZATION, "customer"))
                .when(Patch.of().remove("lifecycleStage").on(PERSON, ORGANIZATION))
                .expectEvents(new LifecycleStageOverrideClearedEvent(PERSON, ORGANIZATION));
        fixture.given(ADA_CREATED)
                .when(Patch.of().remove("lifecycleStage").on(PERSON, ORGANIZATION))
                .expectNoEvents();
    }

    @Test
    void anUnknownLifecycleStageIsRejectedAndNothingElseChanges() {
        fixture.given(ADA_CREATED)
                .when(Patch.of().set("firstName", "Augusta").set("vendor", true).set("lifecycleStage", "champion")
                        .on(PERSON, ORGANIZATION))
                .expectException(violation(ErrorCode.UNKNOWN_LIFECYCLE_STAGE, "lifecycleStage"))
                .expectNoEvents();
    }

    @Test
    void anEmailAddressIsVerifiedOnce() {
        fixture.given(ADA_CREATED)
                .when(new VerifyEmailCommand(PERSON, ORGANIZATION, null))
                .expectEvents(new PersonEmailVerifiedEvent(PERSON, ORGANIZATION, "Ada@Example.com"));
        fixture.given(ADA_CREATED, new PersonEmailVerifiedEvent(PERSON, ORGANIZATION, "Ada@Example.com"))
                .when(new VerifyEmailCommand(PERSON, ORGANIZATION, null))
                .expectNoEvents();
    }

    @Test
    void aPhoneNumberIsVerifiedOnlyIfThereIsOne() {
        fixture.given(ADA_CREATED)
                .when(new VerifyPhoneCommand(PERSON, ORGANIZATION, null))
                .expectException(violation(ErrorCode.NO_PHONE, "phone"))
                .expectNoEvents();
        fixture.given(new PersonCreatedEvent(PERSON, ORGANIZATION, "a@example.com", "A", "B", "+4930123456", null))
                .when(new VerifyPhoneCommand(PERSON, ORGANIZATION, null))
                .expectEvents(new PersonPhoneVerifiedEvent(PERSON, ORGANIZATION, "+4930123456"));
    }

    @Test
    void anotherOrganizationCannotVerify() {
        fixture.given(ADA_CREATED)
                .when(new VerifyEmailCommand(PERSON, OTHER_ORGANIZATION, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void anAccountIsRegisteredOnce() {
        fixture.given(ADA_CREATED)
                .when(new RegisterPersonAccountCommand(PERSON, ORGANIZATION, null))
                .expectEvents(new PersonAccountRegisteredEvent(PERSON, ORGANIZATION));
        fixture.given(ADA_CREATED, new PersonAccountRegisteredEvent(PERSON, ORGANIZATION))
                .when(new RegisterPersonAccountCommand(PERSON, ORGANIZATION, null))
                .expectNoEvents();
    }
}
