package io.unifiedcrm.identity.team.command;

import io.unifiedcrm.identity.team.api.AddTeamMemberCommand;
import io.unifiedcrm.identity.team.api.CreateTeamCommand;
import io.unifiedcrm.identity.team.api.RemoveTeamMemberCommand;
import io.unifiedcrm.identity.team.api.TeamCreatedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberAddedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberRemovedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamTest {

    private static final UUID TEAM = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final TeamCreatedEvent CREATED = new TeamCreatedEvent(TEAM, ORGANIZATION, "Sales");
    private static final TeamMemberAddedEvent ADA_ADDED = new TeamMemberAddedEvent(TEAM, ORGANIZATION, ADA);

    private FixtureConfiguration<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Team.class);
    }

    @Test
    void aTeamIsCreatedWithATrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, ORGANIZATION, " Sales "))
                .expectEvents(CREATED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void aBlankNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, ORGANIZATION, " "))
                .expectException(violation(ErrorCode.INVALID_NAME))
                .expectNoEvents();
    }

    @Test
    void aPersonOfTheOrganizationJoinsOnce() {
        fixture.given(CREATED)
                .when(new AddTeamMemberCommand(TEAM, ORGANIZATION, ADA, true))
                .expectEvents(ADA_ADDED)
                .expectResultMessagePayload(1L);
        fixture.given(CREATED, ADA_ADDED)
                .when(new AddTeamMemberCommand(TEAM, ORGANIZATION, ADA, true))
                .expectNoEvents();
    }

    @Test
    void aPersonOutsideTheOrganizationCannotJoin() {
        fixture.given(CREATED)
                .when(new AddTeamMemberCommand(TEAM, ORGANIZATION, ADA, false))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON))
                .expectNoEvents();
    }

    /** Issue 17, finding 9: a team is bounded, as every read of it lists its members. */
    @Test
    void aTeamHasAtMostAThousandMembers() {
        java.util.List<Object> full = new java.util.ArrayList<>(java.util.List.of(CREATED));
        for (int member = 0; member < Team.MAX_MEMBERS; member++) {
            full.add(new TeamMemberAddedEvent(TEAM, ORGANIZATION, new UUID(7, member)));
        }
        fixture.given(full)
                .when(new AddTeamMemberCommand(TEAM, ORGANIZATION, ADA, true))
                .expectException(violation(ErrorCode.TEAM_MEMBER_LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void aMemberLeavesAndANonMemberLeavingChangesNothing() {
        fixture.given(CREATED, ADA_ADDED)
                .when(new RemoveTeamMemberCommand(TEAM, ORGANIZATION, ADA))
                .expectEvents(new TeamMemberRemovedEvent(TEAM, ORGANIZATION, ADA));
        fixture.given(CREATED)
                .when(new RemoveTeamMemberCommand(TEAM, ORGANIZATION, ADA))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationSeesNotFound() {
        fixture.given(CREATED)
                .when(new AddTeamMemberCommand(TEAM, OTHER_ORGANIZATION, ADA, true))
                .expectException(violation(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        fixture.given(CREATED, ADA_ADDED)
                .when(new RemoveTeamMemberCommand(TEAM, OTHER_ORGANIZATION, ADA))
                .expectException(violation(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    private static Matcher<Throwable> violation(ErrorCode code) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && Objects.equals(violation.errorCode(), code));
    }
}
