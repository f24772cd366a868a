package io.unifiedcrm.identity.person.command;

import static io.unifiedcrm.identity.person.command.PersonFixtures.ADA_CREATED;
import static io.unifiedcrm.identity.person.command.PersonFixtures.COMPANY;
import static io.unifiedcrm.identity.person.command.PersonFixtures.ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OTHER_ORGANIZATION;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OTHER_PERSON;
import static io.unifiedcrm.identity.person.command.PersonFixtures.OWNER;
import static io.unifiedcrm.identity.person.command.PersonFixtures.PERSON;
import static io.unifiedcrm.identity.person.command.PersonFixtures.violation;

import io.unifiedcrm.crm.contact.api.ChangeContactCommand;
import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.CrmContactCreatedEvent;
import io.unifiedcrm.crm.contact.api.MakeContactCommand;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contact commands of the Person aggregate: every event and every refusal. */
class PersonContactTest {

    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final Instant FOLLOW_UP = Instant.parse("2026-12-01T09:00:00.123456Z");
    private static final CrmContactCreatedEvent BECAME_CONTACT = new CrmContactCreatedEvent(PERSON, ORGANIZATION,
            "new", "lead_form");
    private static final CrmContactChangedEvent WITH_COMPANY = new CrmContactChangedEvent(PERSON, ORGANIZATION,
            "contacted", "lead_form", "CTO", "Management", COMPANY, OWNER, FOLLOW_UP);

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixtures.fixture();
    }

    private static MakeContactCommand make(String leadStatus, UUID companyId, UUID ownerId) {
        return new MakeContactCommand(PERSON, ORGANIZATION, null, null, companyId, leadStatus, null, ownerId, null);
    }

    private static ChangeContactCommand change(FieldChange<String> jobTitle, FieldChange<UUID> companyId,
                                               FieldChange<String> leadStatus, Long expectedVersion) {
        return new ChangeContactCommand(PERSON, ORGANIZATION, jobTitle, null, companyId, leadStatus, null, null, null,
                expectedVersion);
    }

    @Test
    void aPersonBecomesAContactWithLeadStatusNewByDefault() {
        fixture.given(ADA_CREATED)
                .when(make(null, null, null))
                .expectEvents(new CrmContactCreatedEvent(PERSON, ORGANIZATION, "new", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aContactMadeWithMoreThanStatusAndSourceAlsoRecordsItsFullState() {
        fixture.given(ADA_CREATED)
                .when(new MakeContactCommand(PERSON, ORGANIZATION, " Head of Engineering ", "Engineering", COMPANY,
                        "qualified", " trade_fair ", OWNER, Instant.parse("2026-12-01T09:00:00.123456789Z")))
                .expectEvents(new CrmContactCreatedEvent(PERSON, ORGANIZATION, "qualified", "trade_fair"),
                        new CrmContactChangedEvent(PERSON, ORGANIZATION, "qualified", "trade_fair",
                                "Head of Engineering", "Engineering", COMPANY, OWNER, FOLLOW_UP))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aContactIsMadeOnlyOnceNamingThePersonInTheConflict() {
        fixture.given(ADA_CREATED, BECAME_CONTACT)
                .when(make("qualified", null, null))
                .expectException(Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                        && violation.errorCode() == ErrorCode.ALREADY_A_CONTACT
                        && PERSON.toString().equals(violation.existingId())))
                .expectNoEvents();
    }

    @Test
    void anUnknownLeadStatusIsRefused() {
        fixture.given(ADA_CREATED)
                .when(make("hot", null, null))
                .expectException(violation(ErrorCode.UNKNOWN_LEAD_STATUS, "leadStatus"))
                .expectNoEvents();
    }

    @Test
    void theCompanyMustBeACompanyRecordOfTheOrganization() {
        fixture.given(ADA_CREATED)
                .when(make(null, UNKNOWN, null))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId"))
                .expectNoEvents();
    }

    @Test
    void theOwnerMustBeAPersonOfTheOrganization() {
        fixture.given(ADA_CREATED)
                .when(make(null, null, UNKNOWN))
                .expectException(violation(ErrorCode.UNKNOWN_OWNER, "ownerId"))
                .expectNoEvents();
    }

    @Test
    void aJobTitleOverTwoHundredCharactersIsRefused() {
        fixture.given(ADA_CREATED)
                .when(new MakeContactCommand(PERSON, ORGANIZATION, "x".repeat(201), null, null, null, null, null,
                        null))
                .expectException(violation(ErrorCode.TEXT_TOO_LONG, "jobTitle"))
                .expectNoEvents();
    }

    @Test
    void aMergedPersonCannotBecomeAContactAndNamesItsSurvivor() {
        fixture.given(ADA_CREATED, new PersonMergedIntoEvent(PERSON, ORGANIZATION, OTHER_PERSON))
                .when(make(null, null, null))
                .expectException(Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                        && violation.errorCode() == ErrorCode.PERSON_MERGED
                        && OTHER_PERSON.toString().equals(violation.existingId())))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsPersonIsNotFound() {
        fixture.given(ADA_CREATED)
                .when(new MakeContactCommand(PERSON, OTHER_ORGANIZATION, null, null, null, null, null, null, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void aChangeRecordsTheContactsFullStateAfterIt() {
        fixture.given(ADA_CREATED, BECAME_CONTACT, WITH_COMPANY)
                .when(change(FieldChange.to(null), null, FieldChange.to("qualified"), null))
                .expectEvents(new CrmContactChangedEvent(PERSON, ORGANIZATION, "qualified", "lead_form", null,
                        "Management", COMPANY, OWNER, FOLLOW_UP))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aChangeThatAltersNothingAppendsNothing() {
        fixture.given(ADA_CREATED, BECAME_CONTACT, WITH_COMPANY)
                .when(change(FieldChange.to(" CTO "), FieldChange.to(COMPANY), FieldChange.to("contacted"), null))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void theLeadStatusCannotBeRemoved() {
        fixture.given(ADA_CREATED, BECAME_CONTACT)
                .when(change(null, null, FieldChange.to(null), null))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "leadStatus"))
                .expectNoEvents();
    }

    @Test
    void aPersonWhoIsNotAContactHasNoContactToChange() {
        fixture.given(ADA_CREATED)
                .when(change(FieldChange.to("CTO"), null, null, null))
                .expectException(violation(ErrorCode.NOT_A_CONTACT, null))
                .expectNoEvents();
    }

    @Test
    void aChangeToAnUnknownCompanyIsRefused() {
        fixture.given(ADA_CREATED, BECAME_CONTACT)
                .when(change(null, FieldChange.to(UNKNOWN), null, null))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId"))
                .expectNoEvents();
    }

    @Test
    void aCompanyThatIsNoLongerKnownStaysWhenOtherFieldsChange() {
        CrmContactChangedEvent withGoneCompany = new CrmContactChangedEvent(PERSON, ORGANIZATION, "new", null, null,
                null, UNKNOWN, null, null);
        fixture.given(ADA_CREATED, BECAME_CONTACT, withGoneCompany)
                .when(change(FieldChange.to("CTO"), null, null, null))
                .expectEvents(new CrmContactChangedEvent(PERSON, ORGANIZATION, "new", null, "CTO", null, UNKNOWN,
                        null, null));
    }

    @Test
    void aChangeAtAStaleVersionIsRefused() {
        fixture.given(ADA_CREATED, BECAME_CONTACT)
                .when(change(FieldChange.to("CTO"), null, null, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aMergedPersonsContactCannotBeChanged() {
        fixture.given(ADA_CREATED, BECAME_CONTACT, new PersonMergedIntoEvent(PERSON, ORGANIZATION, OTHER_PERSON))
                .when(change(FieldChange.to("CTO"), null, null, null))
                .expectException(violation(ErrorCode.PERSON_MERGED, null))
                .expectNoEvents();
    }
}
