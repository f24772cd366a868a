package io.unifiedcrm.identity.person.command;

import static io.unifiedcrm.identity.person.command.PersonFixtures.ADA_CREATED;
import static io.unifiedcrm.identity.person.command.PersonFixtures.ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OTHER_ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OTHER_PERSON;
import static io.unifiedcrm.identity.person.command.PersonFixtures.PERSON;
import static io.unifiedcrm.identity.person.command.PersonFixtures.violation;

import io.unifiedcrm.identity.person.api.AbsorbPersonCommand;
import io.unifiedcrm.identity.person.api.MarkPersonMergedCommand;
import io.unifiedcrm.identity.person.api.PersonMergeResult;
import io.unifiedcrm.identity.person.api.PersonMergedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.identity.person.api.PersonProfileChangedEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.person.api.PersonUnmergedEvent;
import io.unifiedcrm.identity.person.api.RegisterPersonAccountCommand;
import io.unifiedcrm.identity.person.api.ReleaseMergedPersonCommand;
import io.unifiedcrm.identity.person.api.RestoreMergedPersonCommand;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two halves of merge and unmerge, each on its own aggregate, and what a merged person refuses. */
class PersonMergeTest {

    /** Bob, merged into Ada: has a phone, a middle name and source details Ada lacks, and another address. */
    private static final PersonProfile BOB = new PersonProfile("bob@example.com", true, List.of("b2@example.com"),
            "+4930123456", true, "Bob", "Byron", "George", null, null, Map.of("campaign", "autumn"));
    private static final PersonProfile ADA = new PersonProfile("Ada@Example.com", false, List.of(), null, false, "Ada",
            "Lovelace", null, null, null, null);
    private static final PersonProfile ADA_WITH_BOB = new PersonProfile("Ada@Example.com", false,
            List.of("bob@example.com", "b2@example.com"), "+4930123456", true, "Ada", "Lovelace", "George", null, null,
            Map.of("campaign", "autumn"));
    private static final PersonMergedEvent BOB_MERGED_INTO_ADA = new PersonMergedEvent(PERSON, ORGANIZATION,
            OTHER_PERSON, ADA_WITH_BOB, List.of("phone", "middleName", "sourceDetails"),
            List.of("bob@example.com", "b2@example.com"));

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixtures.fixture();
    }

    @Test
    void theSurvivorKeepsItsValuesTakesTheSourcesForItsBlanksAndItsAddressesAsSecondary() {
        fixture.given(ADA_CREATED)
                .when(new AbsorbPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON, BOB, false))
                .expectEvents(BOB_MERGED_INTO_ADA)
                .expectResultMessagePayload(new PersonMergeResult(PERSON, OTHER_PERSON, ADA_WITH_BOB,
                        List.of("phone", "middleName", "sourceDetails"), 1L, false));
    }

    @Test
    void aDryRunAnswersTheSameProfileAndAppliesNothing() {
        fixture.given(ADA_CREATED)
                .when(new AbsorbPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON, BOB, true))
                .expectNoEvents()
                .expectResultMessagePayload(new PersonMergeResult(PERSON, OTHER_PERSON, ADA_WITH_BOB,
                        List.of("phone", "middleName", "sourceDetails"), 0L, true));
    }

    @Test
    void aPersonCannotAbsorbItselfNorAnotherOrganizationsPerson() {
        fixture.given(ADA_CREATED)
                .when(new AbsorbPersonCommand(PERSON, ORGANIZATION, PERSON, ADA, false))
                .expectException(violation(ErrorCode.MERGE_WITH_ITSELF, "sourcePersonId"))
                .expectNoEvents();
        fixture.given(ADA_CREATED)
                .when(new AbsorbPersonCommand(PERSON, OTHER_ORGANIZATION, OTHER_PERSON, BOB, false))
                .expectException(violation(ErrorCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void theSourceBecomesATombstoneThatRefusesEveryCommandNamingTheSurvivor() {
        fixture.given(ADA_CREATED)
                .when(new MarkPersonMergedCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectEvents(new PersonMergedIntoEvent(PERSON, ORGANIZATION, OTHER_PERSON));
        PersonMergedIntoEvent tombstone = new PersonMergedIntoEvent(PERSON, ORGANIZATION, OTHER_PERSON);
        for (Object command : List.of(Patch.of().set("firstName", "X").on(PERSON, ORGANIZATION),
                new VerifyEmailCommand(PERSON, ORGANIZATION, null), new VerifyPhoneCommand(PERSON, ORGANIZATION, null),
                new RegisterPersonAccountCommand(PERSON, ORGANIZATION, null),
                new MarkPersonMergedCommand(PERSON, ORGANIZATION, OTHER_PERSON),
                new AbsorbPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON, BOB, true),
                new ReleaseMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))) {
            fixture.given(ADA_CREATED, tombstone)
                    .when(command)
                    .expectException(Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                            && violation.errorCode() == ErrorCode.PERSON_MERGED
                            && OTHER_PERSON.toString().equals(violation.existingId())))
                    .expectNoEvents();
        }
    }

    @Test
    void unmergingGivesBackWhatTheSourceBroughtAndNothingElse() {
        fixture.given(ADA_CREATED, BOB_MERGED_INTO_ADA)
                .when(new ReleaseMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectEvents(new PersonUnmergedEvent(PERSON, ORGANIZATION, OTHER_PERSON, ADA,
                        List.of("bob@example.com", "b2@example.com")));
    }

    @Test
    void whatChangedOnTheSurvivorAfterTheMergeStaysWithTheSurvivor() {
        PersonProfile changedAfterMerge = new PersonProfile("Ada@Example.com", false, List.of(), "+4930123456", true,
                "Ada", "Lovelace", "Gordon", "Countess", null, Map.of("campaign", "autumn"));
        fixture.given(ADA_CREATED, BOB_MERGED_INTO_ADA, new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Ada",
                        "Lovelace", "Gordon", "Countess", null))
                .when(new ReleaseMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectEvents(new PersonUnmergedEvent(PERSON, ORGANIZATION, OTHER_PERSON,
                        new PersonProfile("Ada@Example.com", false, List.of(), null, false, "Ada", "Lovelace",
                                changedAfterMerge.middleName(), "Countess", null, null),
                        List.of("bob@example.com", "b2@example.com")));
    }

    @Test
    void anAbsorbedAddressTheSurvivorMadeItsPrimaryStaysWithTheSurvivor() {
        fixture.given(ADA_CREATED, BOB_MERGED_INTO_ADA, new io.unifiedcrm.identity.person.api.PersonEmailChangedEvent(
                        PERSON, ORGANIZATION, "bob@example.com", "Ada@Example.com"))
                .when(new ReleaseMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectEvents(new PersonUnmergedEvent(PERSON, ORGANIZATION, OTHER_PERSON,
                        new PersonProfile("bob@example.com", false, List.of(), null, false, "Ada", "Lovelace", null,
                                null, null, null),
                        List.of("b2@example.com")));
    }

    @Test
    void onlyAMergedPersonCanBeGivenBack() {
        fixture.given(ADA_CREATED)
                .when(new ReleaseMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectException(violation(ErrorCode.NOT_MERGED, "sourcePersonId"))
                .expectNoEvents();
    }

    @Test
    void theTombstoneIsRestoredOnlyByItsSurvivor() {
        PersonMergedIntoEvent tombstone = new PersonMergedIntoEvent(PERSON, ORGANIZATION, OTHER_PERSON);
        fixture.given(ADA_CREATED, tombstone)
                .when(new RestoreMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectEvents(new PersonRestoredFromMergeEvent(PERSON, ORGANIZATION, OTHER_PERSON));
        fixture.given(ADA_CREATED, tombstone, new PersonRestoredFromMergeEvent(PERSON, ORGANIZATION, OTHER_PERSON))
                .when(Patch.of().set("firstName", "Augusta").on(PERSON, ORGANIZATION))
                .expectEvents(new PersonProfileChangedEvent(PERSON, ORGANIZATION, "Augusta", "Lovelace", null, null,
                        null));
        fixture.given(ADA_CREATED)
                .when(new RestoreMergedPersonCommand(PERSON, ORGANIZATION, OTHER_PERSON))
                .expectException(violation(ErrorCode.NOT_MERGED, "sourcePersonId"))
                .expectNoEvents();
    }
}
