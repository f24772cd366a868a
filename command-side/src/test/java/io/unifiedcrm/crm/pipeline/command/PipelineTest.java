package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.pipeline.api.AddPipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.ChangePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.CreatePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.NewPipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineRenamedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.api.PipelineStageAddedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageChangedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStageRemovedEvent;
import io.unifiedcrm.crm.pipeline.api.PipelineStagesReorderedEvent;
import io.unifiedcrm.crm.pipeline.api.RemovePipelineStageCommand;
import io.unifiedcrm.crm.pipeline.api.RenamePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.ReorderPipelineStagesCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every pipeline command and every way one is refused. */
class PipelineTest {

    private static final UUID PIPELINE = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    private static final UUID PROPOSAL = UUID.fromString("00000000-0000-0000-0000-00000000d002");
    private static final UUID WON = UUID.fromString("00000000-0000-0000-0000-00000000d003");
    private static final UUID LOST = UUID.fromString("00000000-0000-0000-0000-00000000d004");
    private static final UUID NEGOTIATION = UUID.fromString("00000000-0000-0000-0000-00000000d005");
    /** Stages with deals in them, as DealsPerStage would answer. */
    private static final Set<UUID> OCCUPIED = Set.of(PROPOSAL);

    private static final PipelineStage LEAD_STAGE = stage(LEAD, "Lead", "10", "pipeline", false, false);
    private static final PipelineStage PROPOSAL_STAGE = stage(PROPOSAL, "Proposal", "50", "best_case", false, false);
    private static final PipelineStage WON_STAGE = stage(WON, "Won", "100", "closed", true, true);
    private static final PipelineStage LOST_STAGE = stage(LOST, "Lost", "0", "omitted", true, false);
    private static final PipelineCreatedEvent CREATED = new PipelineCreatedEvent(PIPELINE, ORGANIZATION, "Sales",
            false, List.of(LEAD_STAGE, PROPOSAL_STAGE, WON_STAGE, LOST_STAGE));

    private FixtureConfiguration<Pipeline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pipeline.class);
        fixture.registerInjectableResource(new DealsPerStage(null) {
            @Override
            public long dealsIn(UUID organizationId, UUID stageId) {
                return OCCUPIED.contains(stageId) ? 2 : 0;
            }
        });
    }

    @Test
    void aPipelineIsCreatedWithItsStagesInOrderTheirProbabilitiesNormalizedAndDefaultCategories() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, " Sales ", List.of(
                        new NewPipelineStage(LEAD, "Lead", new BigDecimal("10.00"), null, null, null),
                        new NewPipelineStage(PROPOSAL, "Proposal", new BigDecimal("12.5"), "commit", false, false),
                        new NewPipelineStage(WON, "Won", new BigDecimal("1E+2"), null, null, true),
                        new NewPipelineStage(LOST, "Lost", BigDecimal.ZERO, null, true, null)), false))
                .expectEvents(new PipelineCreatedEvent(PIPELINE, ORGANIZATION, "Sales", false, List.of(LEAD_STAGE,
                        stage(PROPOSAL, "Proposal", "12.5", "commit", false, false), WON_STAGE, LOST_STAGE)));
    }

    @Test
    void aPipelineWithoutAnOpenStageIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(
                        new NewPipelineStage(WON, "Won", BigDecimal.TEN, null, true, true)), false))
                .expectException(violation(ErrorCode.NO_OPEN_STAGE, "stages")).expectNoEvents();
    }

    @Test
    void aPipelineWithoutStagesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(), false))
                .expectException(violation(ErrorCode.NO_OPEN_STAGE, "stages")).expectNoEvents();
    }

    @Test
    void aBlankPipelineNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "  ", List.of(newStage(LEAD, "Lead")), false))
                .expectException(violation(ErrorCode.INVALID_NAME, "name")).expectNoEvents();
    }

    @Test
    void aWonStageThatIsNotClosedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(newStage(LEAD, "Lead"),
                        new NewPipelineStage(WON, "Won", BigDecimal.TEN, null, false, true)), false))
                .expectException(violation(ErrorCode.INVALID_STAGE, "stages[1].isClosed")).expectNoEvents();
    }

    @Test
    void probabilitiesBelow0Above100OrWithMoreThanTwoDecimalsAreRefused() {
        for (String probability : List.of("-1", "100.01", "12.345")) {
            fixture.givenNoPriorActivity()
                    .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(
                            new NewPipelineStage(LEAD, "Lead", new BigDecimal(probability), null, null, null)),
                            false))
                    .expectException(violation(ErrorCode.INVALID_PROBABILITY, "stages[0].probability"))
                    .expectNoEvents();
        }
    }

    @Test
    void aStageWithoutProbabilityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(
                        new NewPipelineStage(LEAD, "Lead", null, null, null, null)), false))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "stages[0].probability")).expectNoEvents();
    }

    @Test
    void anUnknownForecastCategoryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(
                        new NewPipelineStage(LEAD, "Lead", BigDecimal.TEN, "maybe", null, null)), false))
                .expectException(violation(ErrorCode.UNKNOWN_FORECAST_CATEGORY, "stages[0].forecastCategory"))
                .expectNoEvents();
    }

    @Test
    void twoStagesWithTheSameNameInAnyCaseAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", List.of(newStage(LEAD, "Lead"),
                        newStage(PROPOSAL, "LEAD")), false))
                .expectException(violation(ErrorCode.STAGE_NAME_TAKEN, "stages[1].name")).expectNoEvents();
    }

    @Test
    void moreThanFiftyStagesAreRefused() {
        List<NewPipelineStage> stages = IntStream.rangeClosed(1, 51)
                .mapToObj(index -> newStage(UUID.randomUUID(), "Stage " + index)).toList();
        fixture.givenNoPriorActivity()
                .when(new CreatePipelineCommand(PIPELINE, ORGANIZATION, "Sales", stages, false))
                .expectException(violation(ErrorCode.TOO_MANY_STAGES, "stages")).expectNoEvents();
    }

    @Test
    void aPipelineIsRenamed() {
        fixture.given(CREATED)
                .when(new RenamePipelineCommand(PIPELINE, ORGANIZATION, "Enterprise", null))
                .expectEvents(new PipelineRenamedEvent(PIPELINE, ORGANIZATION, "Enterprise"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(CREATED)
                .when(new RenamePipelineCommand(PIPELINE, ORGANIZATION, "Sales ", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anotherOrganizationsPipelineIsNotFound() {
        fixture.given(CREATED)
                .when(new RenamePipelineCommand(PIPELINE, OTHER_ORGANIZATION, "Mine", null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void aStageIsAddedAtAPosition() {
        PipelineStage negotiation = stage(NEGOTIATION, "Negotiation", "70", "commit", false, false);
        fixture.given(CREATED)
                .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, new NewPipelineStage(NEGOTIATION,
                        "Negotiation", new BigDecimal("70"), "commit", null, null), 3, null))
                .expectEvents(new PipelineStageAddedEvent(PIPELINE, ORGANIZATION, negotiation,
                        List.of(LEAD, PROPOSAL, NEGOTIATION, WON, LOST)));
    }

    @Test
    void aStageWithoutPositionIsAddedLast() {
        fixture.given(CREATED)
                .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, newStage(NEGOTIATION, "Negotiation"), null,
                        null))
                .expectEvents(new PipelineStageAddedEvent(PIPELINE, ORGANIZATION,
                        stage(NEGOTIATION, "Negotiation", "30", "pipeline", false, false),
                        List.of(LEAD, PROPOSAL, WON, LOST, NEGOTIATION)));
    }

    @Test
    void aPositionOutsideThePipelineIsRefused() {
        for (int position : new int[] {0, 6}) {
            fixture.given(CREATED)
                    .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, newStage(NEGOTIATION, "Negotiation"),
                            position, null))
                    .expectException(violation(ErrorCode.INVALID_POSITION, "position")).expectNoEvents();
        }
    }

    @Test
    void anAddedStageNeedsAFreeName() {
        fixture.given(CREATED)
                .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, newStage(NEGOTIATION, "proposal"), null,
                        null))
                .expectException(violation(ErrorCode.STAGE_NAME_TAKEN, "name")).expectNoEvents();
    }

    @Test
    void aStageAddedAgainWithItsIdAddsNothing() {
        fixture.given(CREATED)
                .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, newStage(PROPOSAL, "Proposal again"), null,
                        null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aFiftyFirstStageIsRefused() {
        List<PipelineStage> fifty = new ArrayList<>(List.of(LEAD_STAGE));
        IntStream.rangeClosed(2, 50).forEach(index -> fifty.add(stage(UUID.randomUUID(), "Stage " + index, "10",
                "pipeline", false, false)));
        fixture.given(new PipelineCreatedEvent(PIPELINE, ORGANIZATION, "Long", false, fifty))
                .when(new AddPipelineStageCommand(PIPELINE, ORGANIZATION, newStage(NEGOTIATION, "Negotiation"), null,
                        null))
                .expectException(violation(ErrorCode.TOO_MANY_STAGES, "stage")).expectNoEvents();
    }

    @Test
    void aStagesNameProbabilityAndCategoryChangeEvenWithDealsInIt() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, PROPOSAL, "Proposal sent",
                        new BigDecimal("55.50"), "commit", null, null, null))
                .expectEvents(new PipelineStageChangedEvent(PIPELINE, ORGANIZATION,
                        stage(PROPOSAL, "Proposal sent", "55.5", "commit", false, false)));
    }

    @Test
    void aChangeToWhatTheStageIsChangesNothing() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, PROPOSAL, "Proposal",
                        new BigDecimal("50.00"), null, false, false, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anEmptyStageIsMadeWonWhichClosesItWithTheDefaultCategory() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, LEAD, null, null, null, null, true,
                        null))
                .expectEvents(new PipelineStageChangedEvent(PIPELINE, ORGANIZATION,
                        stage(LEAD, "Lead", "10", "closed", true, true)));
    }

    @Test
    void aLostStageIsOpenedAgainWhileEmpty() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, LOST, null, null, null, false, null,
                        null))
                .expectEvents(new PipelineStageChangedEvent(PIPELINE, ORGANIZATION,
                        stage(LOST, "Lost", "0", "pipeline", false, false)));
    }

    @Test
    void theFlagsOfAStageWithDealsDoNotChange() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, PROPOSAL, null, null, null, true, null,
                        null))
                .expectException(violation(ErrorCode.STAGE_HAS_DEALS, null)).expectNoEvents();
    }

    @Test
    void closingTheLastOpenStageIsRefused() {
        fixture.given(CREATED, new PipelineStageRemovedEvent(PIPELINE, ORGANIZATION, PROPOSAL,
                        List.of(LEAD, WON, LOST)))
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, LEAD, null, null, null, true, null,
                        null))
                .expectException(violation(ErrorCode.NO_OPEN_STAGE, "isClosed")).expectNoEvents();
    }

    @Test
    void aChangedStageNeedsAFreeName() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, LEAD, "won", null, null, null, null,
                        null))
                .expectException(violation(ErrorCode.STAGE_NAME_TAKEN, "name")).expectNoEvents();
    }

    @Test
    void aWonStageCannotBeOpenWhileWon() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, WON, null, null, null, false, true,
                        null))
                .expectException(violation(ErrorCode.INVALID_STAGE, "isClosed")).expectNoEvents();
    }

    @Test
    void anUnknownStageInThePathIsNotFound() {
        fixture.given(CREATED)
                .when(new ChangePipelineStageCommand(PIPELINE, ORGANIZATION, NEGOTIATION, "X", null, null, null, null,
                        null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void theStagesAreReordered() {
        fixture.given(CREATED)
                .when(new ReorderPipelineStagesCommand(PIPELINE, ORGANIZATION, List.of(PROPOSAL, LEAD, LOST, WON),
                        null))
                .expectEvents(new PipelineStagesReorderedEvent(PIPELINE, ORGANIZATION,
                        List.of(PROPOSAL, LEAD, LOST, WON)));
    }

    @Test
    void anOrderThatIsNotAPermutationOfTheStagesIsRefused() {
        for (List<UUID> order : List.of(List.of(LEAD, PROPOSAL, WON), List.of(LEAD, PROPOSAL, WON, WON),
                List.of(LEAD, PROPOSAL, WON, NEGOTIATION), List.of(LEAD, PROPOSAL, WON, LOST, NEGOTIATION))) {
            fixture.given(CREATED)
                    .when(new ReorderPipelineStagesCommand(PIPELINE, ORGANIZATION, order, null))
                    .expectException(violation(ErrorCode.INVALID_STAGE_ORDER, "stageIds")).expectNoEvents();
        }
    }

    @Test
    void theSameOrderChangesNothing() {
        fixture.given(CREATED)
                .when(new ReorderPipelineStagesCommand(PIPELINE, ORGANIZATION, List.of(LEAD, PROPOSAL, WON, LOST),
                        null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aStageWithoutDealsIsRemoved() {
        fixture.given(CREATED)
                .when(new RemovePipelineStageCommand(PIPELINE, ORGANIZATION, LEAD, null))
                .expectEvents(new PipelineStageRemovedEvent(PIPELINE, ORGANIZATION, LEAD,
                        List.of(PROPOSAL, WON, LOST)));
    }

    @Test
    void aStageWithDealsIsNotRemoved() {
        fixture.given(CREATED)
                .when(new RemovePipelineStageCommand(PIPELINE, ORGANIZATION, PROPOSAL, null))
                .expectException(violation(ErrorCode.STAGE_HAS_DEALS, null)).expectNoEvents();
    }

    @Test
    void theLastOpenStageIsNotRemoved() {
        fixture.given(new PipelineCreatedEvent(PIPELINE, ORGANIZATION, "Short", false, List.of(LEAD_STAGE,
                        WON_STAGE)))
                .when(new RemovePipelineStageCommand(PIPELINE, ORGANIZATION, LEAD, null))
                .expectException(violation(ErrorCode.NO_OPEN_STAGE, null)).expectNoEvents();
    }

    @Test
    void aRemovedStageIsGoneFromTheLayoutAndAddedStagesKeepTheirPlace() {
        fixture.given(CREATED, new PipelineStageRemovedEvent(PIPELINE, ORGANIZATION, LEAD,
                        List.of(PROPOSAL, WON, LOST)),
                        new PipelineStageAddedEvent(PIPELINE, ORGANIZATION, stage(NEGOTIATION, "Negotiation", "70",
                                "commit", false, false), List.of(PROPOSAL, NEGOTIATION, WON, LOST)))
                .when(new ReorderPipelineStagesCommand(PIPELINE, ORGANIZATION, List.of(PROPOSAL, NEGOTIATION, WON,
                        LOST), null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anUnknownStageIsNotFoundForRemoval() {
        fixture.given(CREATED)
                .when(new RemovePipelineStageCommand(PIPELINE, ORGANIZATION, NEGOTIATION, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    private static NewPipelineStage newStage(UUID id, String name) {
        return new NewPipelineStage(id, name, new BigDecimal("30"), null, null, null);
    }

    private static PipelineStage stage(UUID id, String name, String probability, String category, boolean closed,
                                       boolean won) {
        return new PipelineStage(id, name, new BigDecimal(probability), category, closed, won);
    }

    private static Matcher<Exception> violation(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
