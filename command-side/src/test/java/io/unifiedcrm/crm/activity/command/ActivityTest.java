package io.unifiedcrm.crm.activity.command;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCompletedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.activity.api.ChangeActivityCommand;
import io.unifiedcrm.crm.activity.api.CompleteActivityCommand;
import io.unifiedcrm.crm.activity.api.CreateActivityCommand;
import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.crm.pipeline.command.DealsPerStage;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way an activity is logged, changed and completed, and every way a command is refused. */
class ActivityTest {

    private static final UUID ACTIVITY = UUID.fromString("00000000-0000-0000-0000-000000000901");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-000000000402");
    private static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-000000000b01");
    private static final UUID DEAL = UUID.fromString("00000000-0000-0000-0000-000000000d01");
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final Instant DUE = Instant.parse("2026-11-27T17:00:00Z");
    private static final Instant CALLED = Instant.parse("2026-11-20T15:00:00Z");
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T11:00:00Z");

    private static final ActivityCreatedEvent TASK_CREATED = new ActivityCreatedEvent(ACTIVITY, ORGANIZATION, "task",
            PERSON, null, null, OWNER, "Send the proposal", null, null, DUE, null, null, null, null);
    private static final ActivityCreatedEvent CALL_LOGGED = new ActivityCreatedEvent(ACTIVITY, ORGANIZATION, "call",
            PERSON, null, null, null, null, null, CALLED, null, 540L, "connected", null, null);

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(new OrganizationPersons(null) {
            @Override
            public boolean contains(UUID organizationId, UUID personId) {
                return ORGANIZATION.equals(organizationId) && (PERSON.equals(personId) || OWNER.equals(personId));
            }
        });
        fixture.registerInjectableResource(new CompanyRecords(null) {
            @Override
            public boolean contains(UUID organizationId, UUID recordId) {
                return ORGANIZATION.equals(organizationId) && COMPANY.equals(recordId);
            }
        });
        fixture.registerInjectableResource(new DealsPerStage(null) {
            @Override
            public boolean contains(UUID organizationId, UUID dealId) {
                return ORGANIZATION.equals(organizationId) && DEAL.equals(dealId);
            }
        });
    }

    @Test
    void anActivityForAnUnknownDealIsRefused() {
        fixture.givenNoPriorActivity().when(log("note", fields("dealId", UUID.randomUUID(), "body", "x")))
                .expectException(violation(ErrorCode.UNKNOWN_DEAL, "dealId")).expectNoEvents();
    }

    /** A creation command from named fields; unnamed ones are null. */
    private static CreateActivityCommand log(String type, Map<String, Object> fields) {
        return new CreateActivityCommand(ACTIVITY, ORGANIZATION, type, (UUID) fields.get("personId"),
                (UUID) fields.get("dealId"), (UUID) fields.get("companyId"), (UUID) fields.get("ownerId"),
                (String) fields.get("subject"), (String) fields.get("body"), (Instant) fields.get("occurredAt"),
                (Instant) fields.get("dueAt"), (Long) fields.get("durationSeconds"), (String) fields.get("outcome"),
                (Instant) fields.get("startAt"), (Instant) fields.get("endAt"));
    }

    /** A merge-patch command: only the members set here are in the patch (a null value removes). */
    private static ChangeActivityCommand patch(Map<String, Object> members, Long expectedVersion) {
        return new ChangeActivityCommand(ACTIVITY, ORGANIZATION, change(members, "personId"),
                change(members, "dealId"), change(members, "companyId"), change(members, "ownerId"),
                change(members, "subject"), change(members, "body"), change(members, "occurredAt"),
                change(members, "dueAt"), change(members, "durationSeconds"), change(members, "outcome"),
                change(members, "startAt"), change(members, "endAt"), expectedVersion);
    }

    @SuppressWarnings("unchecked")
    private static <T> FieldChange<T> change(Map<String, Object> members, String member) {
        return members.containsKey(member) ? new FieldChange<>((T) members.get(member)) : null;
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }

    @Test
    void aTaskIsCreatedWithItsSubjectTrimmedAndAnswersVersionZero() {
        fixture.givenNoPriorActivity()
                .when(log("task", fields("personId", PERSON, "ownerId", OWNER, "subject", " Send the proposal ",
                        "dueAt", DUE)))
                .expectEvents(TASK_CREATED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void aCallIsLoggedWithOutcomeDurationAndTime() {
        fixture.givenNoPriorActivity()
                .when(log("call", fields("personId", PERSON, "outcome", "connected", "durationSeconds", 540L,
                        "occurredAt", CALLED)))
                .expectEvents(CALL_LOGGED);
    }

    @Test
    void aCallWithoutATimeLeavesItToTheEventsTimestamp() {
        fixture.givenNoPriorActivity()
                .when(log("call", fields("companyId", COMPANY, "outcome", "no_answer")))
                .expectEvents(new ActivityCreatedEvent(ACTIVITY, ORGANIZATION, "call", null, null, COMPANY, null,
                        null, null, null, null, null, "no_answer", null, null));
    }

    @Test
    void aMeetingIsLoggedWithItsTimesToTheMicrosecond() {
        fixture.givenNoPriorActivity()
                .when(log("meeting", fields("personId", PERSON, "dealId", DEAL, "subject", "Kick-off", "startAt",
                        Instant.parse("2026-11-24T10:00:00.000000999Z"), "endAt", END)))
                .expectEvents(new ActivityCreatedEvent(ACTIVITY, ORGANIZATION, "meeting", PERSON, DEAL, null, null,
                        "Kick-off", null, null, null, null, null, START, END));
    }

    @Test
    void aNoteLinkedToADealOnlyIsLoggedWithoutLookingTheDealUp() {
        fixture.givenNoPriorActivity()
                .when(log("note", fields("dealId", DEAL, "body", "Budget approved.")))
                .expectEvents(new ActivityCreatedEvent(ACTIVITY, ORGANIZATION, "note", null, DEAL, null, null, null,
                        "Budget approved.", null, null, null, null, null, null));
    }

    @Test
    void anUnknownTypeOrAPurchaseIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("email", fields("personId", PERSON)))
                .expectException(violation(ErrorCode.UNKNOWN_ACTIVITY_TYPE, "type")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(log("purchase", fields("personId", PERSON)))
                .expectException(violation(ErrorCode.UNKNOWN_ACTIVITY_TYPE, "type")).expectNoEvents();
    }

    @Test
    void aFieldOfAnotherTypeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("note", fields("personId", PERSON, "body", "Hi", "outcome", "connected")))
                .expectException(violation(ErrorCode.FIELD_NOT_APPLICABLE, "outcome")).expectNoEvents();
    }

    @Test
    void eachTypeRequiresItsFields() {
        fixture.givenNoPriorActivity().when(log("task", fields("personId", PERSON, "subject", "  ")))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "subject")).expectNoEvents();
        fixture.givenNoPriorActivity().when(log("call", fields("personId", PERSON)))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "outcome")).expectNoEvents();
        fixture.givenNoPriorActivity().when(log("note", fields("personId", PERSON)))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "body")).expectNoEvents();
        fixture.givenNoPriorActivity().when(log("meeting", fields("personId", PERSON, "subject", "M", "endAt", END)))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "startAt")).expectNoEvents();
    }

    @Test
    void anUnknownCallOutcomeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("call", fields("personId", PERSON, "outcome", "Connected")))
                .expectException(violation(ErrorCode.UNKNOWN_CALL_OUTCOME, "outcome")).expectNoEvents();
    }

    @Test
    void aNegativeOrOverADayLongDurationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("call", fields("personId", PERSON, "outcome", "busy", "durationSeconds", -1L)))
                .expectException(violation(ErrorCode.INVALID_DURATION, "durationSeconds")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(log("call", fields("personId", PERSON, "outcome", "busy", "durationSeconds", 86_401L)))
                .expectException(violation(ErrorCode.INVALID_DURATION, "durationSeconds")).expectNoEvents();
    }

    @Test
    void aMeetingEndsAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(log("meeting", fields("personId", PERSON, "subject", "M", "startAt", START, "endAt", START)))
                .expectException(violation(ErrorCode.INVALID_MEETING_TIME, "endAt")).expectNoEvents();
    }

    @Test
    void aSubjectOverTwoHundredOrABodyOverTenThousandCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("task", fields("personId", PERSON, "subject", "s".repeat(201))))
                .expectException(violation(ErrorCode.TEXT_TOO_LONG, "subject")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(log("note", fields("personId", PERSON, "body", "b".repeat(10_001))))
                .expectException(violation(ErrorCode.TEXT_TOO_LONG, "body")).expectNoEvents();
    }

    @Test
    void anActivityWithoutPersonDealOrCompanyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log("task", fields("subject", "Orphan", "ownerId", OWNER)))
                .expectException(violation(ErrorCode.ACTIVITY_WITHOUT_LINK, null)).expectNoEvents();
    }

    @Test
    void linksAndOwnerMustBelongToTheOrganization() {
        fixture.givenNoPriorActivity().when(log("note", fields("personId", UNKNOWN, "body", "x")))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON, "personId")).expectNoEvents();
        fixture.givenNoPriorActivity().when(log("note", fields("companyId", UNKNOWN, "body", "x")))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId")).expectNoEvents();
        fixture.givenNoPriorActivity().when(log("note", fields("dealId", DEAL, "ownerId", UNKNOWN, "body", "x")))
                .expectException(violation(ErrorCode.UNKNOWN_OWNER, "ownerId")).expectNoEvents();
    }

    @Test
    void aChangeRecordsTheFullStateAfterIt() {
        fixture.given(TASK_CREATED)
                .when(patch(fields("subject", "Send the revised proposal", "dueAt", null, "companyId", COMPANY),
                        null))
                .expectEvents(new ActivityChangedEvent(ACTIVITY, ORGANIZATION, "task", PERSON, null, COMPANY, OWNER,
                        "Send the revised proposal", null, null, null, null, null, null, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aChangeThatAltersNothingAppendsNothing() {
        fixture.given(CALL_LOGGED)
                .when(patch(fields("outcome", "connected", "occurredAt", CALLED), null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aChangeMustKeepTheTypesRules() {
        fixture.given(CALL_LOGGED).when(patch(fields("outcome", null), null))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "outcome")).expectNoEvents();
        fixture.given(CALL_LOGGED).when(patch(fields("dueAt", DUE), null))
                .expectException(violation(ErrorCode.FIELD_NOT_APPLICABLE, "dueAt")).expectNoEvents();
        fixture.given(CALL_LOGGED).when(patch(fields("personId", null), null))
                .expectException(violation(ErrorCode.ACTIVITY_WITHOUT_LINK, null)).expectNoEvents();
    }

    @Test
    void aChangedLinkIsLookedUp() {
        fixture.given(CALL_LOGGED)
                .when(patch(fields("companyId", UNKNOWN), null))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId")).expectNoEvents();
    }

    @Test
    void aChangeAtAStaleVersionIsRefused() {
        fixture.given(TASK_CREATED, new ActivityChangedEvent(ACTIVITY, ORGANIZATION, "task", PERSON, null, null,
                        OWNER, "Call back", null, null, DUE, null, null, null, null))
                .when(patch(fields("subject", "Again"), 0L))
                .expectException(ConflictingAggregateVersionException.class).expectNoEvents();
    }

    @Test
    void anotherOrganizationsActivityIsNotFound() {
        fixture.given(TASK_CREATED)
                .when(new CompleteActivityCommand(ACTIVITY, OTHER_ORGANIZATION, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
        fixture.given(TASK_CREATED)
                .when(new ChangeActivityCommand(ACTIVITY, OTHER_ORGANIZATION, null, null, null, null,
                        FieldChange.to("Mine"), null, null, null, null, null, null, null, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void aTaskIsCompleted() {
        fixture.given(TASK_CREATED)
                .when(new CompleteActivityCommand(ACTIVITY, ORGANIZATION, null))
                .expectEvents(new ActivityCompletedEvent(ACTIVITY, ORGANIZATION, "task", PERSON, null, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void completingATaskAgainChangesNothing() {
        fixture.given(TASK_CREATED, new ActivityCompletedEvent(ACTIVITY, ORGANIZATION, "task", PERSON, null, null))
                .when(new CompleteActivityCommand(ACTIVITY, ORGANIZATION, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void onlyATaskIsCompleted() {
        fixture.given(CALL_LOGGED)
                .when(new CompleteActivityCommand(ACTIVITY, ORGANIZATION, null))
                .expectException(violation(ErrorCode.NOT_A_TASK, null)).expectNoEvents();
    }
}
