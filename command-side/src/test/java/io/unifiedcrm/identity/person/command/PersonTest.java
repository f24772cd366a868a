package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.identity.person.api.UpdatePersonCommand;
import io.unifiedcrm.identity.person.api.CreatePersonCommand;
import io.unifiedcrm.identity.person.api.LifecycleStageSetEvent;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailVerifiedEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneVerifiedEvent;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
import io.unifiedcrm.identity.person.api.PersonVendorFlagChangedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final PersonCreatedEvent ADA_CREATED = new PersonCreatedEvent(PERSON, ORGANIZATION,
            "Ada@Example.com", "Ada", "Lovelace", null, null);

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    @Test
    void creatingAPersonNormalisesTheInputAndAnswersVersionZero() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, " Ada@Example.com ", " Ada ", "Lovelace",
                        "+44 (20) 7946-0958", "lead_form"))
                .expectEvents(new PersonCreatedEvent(PERSON, ORGANIZATION, "Ada@Example.com", "Ada", "Lovelace",
                        "+442079460958", "lead_form"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void phoneAndSourceAreOptional() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "Ada@Example.com", "Ada", "Lovelace", null, null))
                .expectEvents(ADA_CREATED);
    }

    @Test
    void anInvalidEmailIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "ada@", "Ada", "Lovelace", null, null))
                .expectException(violation(ErrorCode.INVALID_EMAIL, "email"))
                .expectNoEvents();
    }

    @Test
    void aBlankFirstNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "ada@example.com", " ", "Lovelace", null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "firstName"))
                .expectNoEvents();
    }

    @Test
    void aBlankLastNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "ada@example.com", "Ada", "", null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "lastName"))
                .expectNoEvents();
    }

    @Test
    void aPhoneNotInInternationalFormIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "ada@example.com", "Ada", "Lovelace", "030 1234",
                        null))
                .expectException(violation(ErrorCode.INVALID_PHONE, "phone"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSourceIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonCommand(PERSON, ORGANIZATION, "ada@example.com", "Ada", "Lovelace", null,
                        "carrier_pigeon"))
                .expectException(violation(ErrorCode.UNKNOWN_SOURCE, "source"))
                .expectNoEvents();
    }

    @Test
    void changingTheNameKeepsAnAbsentPartAndAnswersTheNewVersion() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, null, "King", null, null, null))
                .expectEvents(new PersonNameChangedEvent(PERSON, ORGANIZATION, "Ada", "King"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingTheNameToTheSameNameChangesNothing() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, "Ada", "Lovelace", null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aBlankNewNameIsRejected() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, " ", null, null, null, null))
                .expectException(violation(ErrorCode.INVALID_NAME, "firstName"))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationCannotChangeThePersonAndSeesNotFound() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, OTHER_ORGANIZATION, "Eve", null, null, null, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void aChangeForTheCurrentVersionApplies() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, "Augusta", null, null, null, 0L))
                .expectEvents(new PersonNameChangedEvent(PERSON, ORGANIZATION, "Augusta", "Lovelace"));
    }

    @Test
    void aChangeForAnOlderVersionIsRejected() {
        fixture.given(ADA_CREATED, new PersonNameChangedEvent(PERSON, ORGANIZATION, "Ada", "King"))
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, "Augusta", null, null, null, 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aChangeForAFutureVersionIsRejected() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, "Augusta", null, null, null, 4L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aPatchChangesNameVendorFlagAndLifecycleStageTogether() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, null, "King", true, "customer", null))
                .expectEvents(new PersonNameChangedEvent(PERSON, ORGANIZATION, "Ada", "King"),
                        new PersonVendorFlagChangedEvent(PERSON, ORGANIZATION, true),
                        new LifecycleStageSetEvent(PERSON, ORGANIZATION, "customer"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void settingTheSameVendorFlagOrExplicitStageAgainChangesNothing() {
        fixture.given(ADA_CREATED, new PersonVendorFlagChangedEvent(PERSON, ORGANIZATION, true),
                        new LifecycleStageSetEvent(PERSON, ORGANIZATION, "lead"))
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, null, null, true, "lead", null))
                .expectNoEvents();
    }

    @Test
    void anUnknownLifecycleStageIsRejectedAndNothingElseChanges() {
        fixture.given(ADA_CREATED)
                .when(new UpdatePersonCommand(PERSON, ORGANIZATION, "Augusta", null, true, "champion", null))
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

    private static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
