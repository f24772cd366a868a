package io.unifiedcrm.crm.deal.command;

import io.unifiedcrm.crm.deal.api.ChangeDealCommand;
import io.unifiedcrm.crm.deal.api.CreateDealCommand;
import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealLostEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealStageMovedEvent;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.crm.deal.api.MarkDealLostCommand;
import io.unifiedcrm.crm.deal.api.MarkDealWonCommand;
import io.unifiedcrm.crm.deal.api.MoveDealStageCommand;
import io.unifiedcrm.crm.deal.api.ReopenDealCommand;
import io.unifiedcrm.crm.pipeline.api.PipelineStage;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.crm.pipeline.command.PipelineLayout;
import io.unifiedcrm.crm.pipeline.command.PipelineStages;
import io.unifiedcrm.identity.organization.command.OrganizationCurrencies;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every deal command, every transition between open, won and lost, and every way a command is refused. */
class DealTest {

    private static final UUID DEAL = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID PIPELINE = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final UUID OTHER_PIPELINE = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    private static final UUID BARE_PIPELINE = UUID.fromString("00000000-0000-0000-0000-00000000c003");
    private static final UUID DEFAULT_PIPELINE = DefaultPipeline.idOf(ORGANIZATION);
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID OTHER_PERSON = UUID.fromString("00000000-0000-0000-0000-000000000402");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-000000000403");
    private static final UUID MERGED = UUID.fromString("00000000-0000-0000-0000-000000000404");
    private static final UUID SURVIVOR = UUID.fromString("00000000-0000-0000-0000-000000000405");
    private static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-000000000601");
    private static final UUID OTHER_COMPANY = UUID.fromString("00000000-0000-0000-0000-000000000602");
    private static final LocalDate CLOSE_DATE = LocalDate.of(2026, 12, 31);

    private static final PipelineStage LEAD = stage("d001", "Lead", false, false);
    private static final PipelineStage PROPOSAL = stage("d002", "Proposal", false, false);
    private static final PipelineStage WON = stage("d003", "Won", true, true);
    private static final PipelineStage LOST = stage("d004", "Lost", true, false);
    private static final PipelineStage OTHER_OPEN = stage("d101", "Other open", false, false);
    private static final PipelineStage DEFAULT_CLOSED = stage("d201", "Default lost", true, false);
    private static final PipelineStage DEFAULT_OPEN = stage("d202", "Default open", false, false);
    private static final PipelineStage BARE_OPEN = stage("d301", "Bare open", false, false);
    private static final PipelineStage BARE_OTHER = stage("d302", "Bare other", false, false);
    private static final Map<UUID, PipelineLayout> LAYOUTS = Map.of(
            PIPELINE, new PipelineLayout(PIPELINE, List.of(LEAD, PROPOSAL, WON, LOST)),
            OTHER_PIPELINE, new PipelineLayout(OTHER_PIPELINE, List.of(OTHER_OPEN)),
            DEFAULT_PIPELINE, new PipelineLayout(DEFAULT_PIPELINE, List.of(DEFAULT_CLOSED, DEFAULT_OPEN)),
            BARE_PIPELINE, new PipelineLayout(BARE_PIPELINE, List.of(BARE_OPEN, BARE_OTHER)));

    private static final DealCreatedEvent CREATED = new DealCreatedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE,
            LEAD.id(), false, false, "Acme", eur("12000"), CLOSE_DATE, OWNER, COMPANY);
    private static final DealWonEvent WON_EVENT = new DealWonEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, LEAD.id(),
            WON.id(), true, true, eur("12000"));
    private static final DealLostEvent LOST_EVENT = new DealLostEvent(DEAL, ORGANIZATION, PERSON, PIPELINE,
            LEAD.id(), LOST.id(), true, false, "Budget cut");

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(new OrganizationCurrencies(null) {
            @Override
            public String baseCurrencyOf(UUID organizationId) {
                return "EUR";
            }
        });
        fixture.registerInjectableResource(new PipelineStages(null) {
            @Override
            public PipelineLayout layoutOf(UUID organizationId, UUID pipelineId) {
                PipelineLayout layout = LAYOUTS.get(pipelineId);
                if (layout == null || !organizationId.equals(ORGANIZATION)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_PIPELINE, "pipelineId", "unknown");
                }
                return layout;
            }
        });
        fixture.registerInjectableResource(new DealParties(null, null, null) {
            @Override
            public void requirePerson(UUID organizationId, UUID personId, String field) {
                if (MERGED.equals(personId)) {
                    throw new DomainRuleViolation(ErrorCode.PERSON_MERGED, field, "merged", SURVIVOR.toString());
                }
                if (personId != null && !List.of(PERSON, OTHER_PERSON, OWNER).contains(personId)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, field, "unknown");
                }
            }

            @Override
            public void requireCompany(UUID organizationId, UUID companyId) {
                if (companyId != null && !List.of(COMPANY, OTHER_COMPANY).contains(companyId)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_COMPANY, "companyId", "unknown");
                }
            }
        });
    }

    @Test
    void aDealIsCreatedInTheGivenOpenStageOfItsPipeline() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, " Acme ", new BigDecimal("12000"), "EUR", PIPELINE,
                        LEAD.id(), CLOSE_DATE, OWNER, PERSON, COMPANY))
                .expectEvents(CREATED);
    }

    @Test
    void withoutPipelineAndStageADealStartsInTheFirstOpenStageOfTheDefaultPipeline() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Small", null, null, null, null, null, null, null,
                        null))
                .expectEvents(new DealCreatedEvent(DEAL, ORGANIZATION, null, DEFAULT_PIPELINE, DEFAULT_OPEN.id(),
                        false, false, "Small", null, null, null, null));
    }

    @Test
    void theAmountsCurrencyMayBeLeftOut() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", new BigDecimal("12000.00"), null, PIPELINE,
                        null, CLOSE_DATE, OWNER, PERSON, COMPANY))
                .expectEvents(CREATED);
    }

    @Test
    void aDealIsNotCreatedInAClosedStage() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, WON.id(), null, null,
                        null, null))
                .expectException(violation(ErrorCode.STAGE_CLOSED, "stageId")).expectNoEvents();
    }

    @Test
    void aStageOfAnotherPipelineIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, OTHER_OPEN.id(), null,
                        null, null, null))
                .expectException(violation(ErrorCode.UNKNOWN_STAGE, "stageId")).expectNoEvents();
    }

    @Test
    void anUnknownPipelineIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, UUID.randomUUID(), null, null,
                        null, null, null))
                .expectException(violation(ErrorCode.UNKNOWN_PIPELINE, "pipelineId")).expectNoEvents();
    }

    @Test
    void anotherOrganizationsPipelineIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, OTHER_ORGANIZATION, "Acme", null, null, PIPELINE, null, null, null,
                        null, null))
                .expectException(violation(ErrorCode.UNKNOWN_PIPELINE, "pipelineId")).expectNoEvents();
    }

    @Test
    void anAmountInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", BigDecimal.TEN, "USD", PIPELINE, null, null,
                        null, null, null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "amount.currency")).expectNoEvents();
    }

    @Test
    void aNegativeAmountOrOneWithFiveDecimalsIsRefused() {
        for (String amount : List.of("-1", "0.00001")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", new BigDecimal(amount), null, PIPELINE,
                            null, null, null, null, null))
                    .expectException(violation(ErrorCode.INVALID_MONEY, "amount")).expectNoEvents();
        }
    }

    @Test
    void aBlankNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, " ", null, null, PIPELINE, null, null, null, null,
                        null))
                .expectException(violation(ErrorCode.INVALID_NAME, "name")).expectNoEvents();
    }

    @Test
    void anUnknownPersonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, null, null, null,
                        UUID.randomUUID(), null))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON, "personId")).expectNoEvents();
    }

    @Test
    void anUnknownOwnerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, null, null,
                        UUID.randomUUID(), PERSON, null))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON, "ownerId")).expectNoEvents();
    }

    @Test
    void aMergedPersonIsRefusedNamingTheSurvivor() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, null, null, null,
                        MERGED, null))
                .expectException(Matchers.predicate(exception -> exception instanceof DomainRuleViolation violation
                        && violation.errorCode() == ErrorCode.PERSON_MERGED && "personId".equals(violation.field())
                        && SURVIVOR.toString().equals(violation.existingId())))
                .expectNoEvents();
    }

    @Test
    void anUnknownCompanyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(DEAL, ORGANIZATION, "Acme", null, null, PIPELINE, null, null, null, null,
                        UUID.randomUUID()))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId")).expectNoEvents();
    }

    @Test
    void aDealIsChangedAsAMergePatch() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, FieldChange.to("Acme 80 seats"),
                        FieldChange.to(new BigDecimal("19200.5")), "EUR", FieldChange.to(null),
                        FieldChange.to(PERSON), FieldChange.to(OTHER_PERSON), null, null))
                .expectEvents(new DealChangedEvent(DEAL, ORGANIZATION, OTHER_PERSON, PERSON, PIPELINE, LEAD.id(),
                        false, false, "Acme 80 seats", eur("19200.5"), null, PERSON, COMPANY));
    }

    @Test
    void anAmountIsRemovedWithNull() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, null, FieldChange.to(null), null, null, null, null,
                        FieldChange.to(OTHER_COMPANY), null))
                .expectEvents(new DealChangedEvent(DEAL, ORGANIZATION, PERSON, PERSON, PIPELINE, LEAD.id(), false,
                        false, "Acme", null, CLOSE_DATE, OWNER, OTHER_COMPANY));
    }

    @Test
    void theNameIsNotRemoved() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, FieldChange.to(null), null, null, null, null, null,
                        null, null))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "name")).expectNoEvents();
    }

    @Test
    void aChangeToWhatTheDealIsChangesNothing() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, FieldChange.to("Acme"),
                        FieldChange.to(new BigDecimal("12000.0")), null, FieldChange.to(CLOSE_DATE),
                        FieldChange.to(OWNER), FieldChange.to(PERSON), FieldChange.to(COMPANY), null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDealIsNotGivenToAMergedPerson() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, null, null, null, null, null,
                        FieldChange.to(MERGED), null, null))
                .expectException(violation(ErrorCode.PERSON_MERGED, "personId")).expectNoEvents();
    }

    @Test
    void aChangedCompanyIsChecked() {
        fixture.given(CREATED)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, null, null, null, null, null, null,
                        FieldChange.to(UUID.randomUUID()), null))
                .expectException(violation(ErrorCode.UNKNOWN_COMPANY, "companyId")).expectNoEvents();
    }

    @Test
    void theAmountOfAClosedDealDoesNotChange() {
        fixture.given(CREATED, WON_EVENT)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, null, FieldChange.to(BigDecimal.ONE), null, null,
                        null, null, null, null))
                .expectException(violation(ErrorCode.DEAL_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aClosedDealsNameAndPersonStillChange() {
        fixture.given(CREATED, LOST_EVENT)
                .when(new ChangeDealCommand(DEAL, ORGANIZATION, FieldChange.to("Acme (lost)"), null, null, null,
                        null, FieldChange.to(OTHER_PERSON), null, null))
                .expectEvents(new DealChangedEvent(DEAL, ORGANIZATION, OTHER_PERSON, PERSON, PIPELINE, LOST.id(),
                        true, false, "Acme (lost)", eur("12000"), CLOSE_DATE, OWNER, COMPANY));
    }

    @Test
    void aDealMovesToAnotherOpenStageOfItsPipeline() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, PROPOSAL.id(), null, null))
                .expectEvents(new DealStageMovedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, LEAD.id(),
                        PROPOSAL.id(), false, false));
    }

    @Test
    void movingToTheStageItIsInChangesNothing() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, LEAD.id(), null, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDealDoesNotMoveToAStageOfAnotherPipeline() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, OTHER_OPEN.id(), null, null))
                .expectException(violation(ErrorCode.UNKNOWN_STAGE, "stageId")).expectNoEvents();
    }

    @Test
    void movingIntoAWonStageWinsTheDeal() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, WON.id(), null, null))
                .expectEvents(WON_EVENT);
    }

    @Test
    void movingIntoALostStageLosesTheDealForItsReason() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, LOST.id(), " Budget cut ", null))
                .expectEvents(LOST_EVENT);
    }

    @Test
    void movingIntoALostStageNeedsAReason() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, LOST.id(), " ", null))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "lostReason")).expectNoEvents();
    }

    @Test
    void aClosedDealDoesNotMove() {
        fixture.given(CREATED, WON_EVENT)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, PROPOSAL.id(), null, null))
                .expectException(violation(ErrorCode.DEAL_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aClosedDealMovedToItsOwnStageChangesNothing() {
        fixture.given(CREATED, LOST_EVENT)
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, LOST.id(), null, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aWonDealMovesToThePipelinesFirstWonStage() {
        fixture.given(CREATED, new DealStageMovedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, LEAD.id(),
                        PROPOSAL.id(), false, false))
                .when(new MarkDealWonCommand(DEAL, ORGANIZATION, null))
                .expectEvents(new DealWonEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, PROPOSAL.id(), WON.id(), true,
                        true, eur("12000")));
    }

    @Test
    void winningAWonDealChangesNothing() {
        fixture.given(CREATED, WON_EVENT)
                .when(new MarkDealWonCommand(DEAL, ORGANIZATION, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aLostDealIsNotWonWithoutReopening() {
        fixture.given(CREATED, LOST_EVENT)
                .when(new MarkDealWonCommand(DEAL, ORGANIZATION, null))
                .expectException(violation(ErrorCode.DEAL_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aPipelineWithoutWonStageCannotWin() {
        fixture.given(new DealCreatedEvent(DEAL, ORGANIZATION, null, BARE_PIPELINE, BARE_OPEN.id(), false, false,
                        "Bare", null, null, null, null))
                .when(new MarkDealWonCommand(DEAL, ORGANIZATION, null))
                .expectException(violation(ErrorCode.NO_WON_STAGE, null)).expectNoEvents();
    }

    @Test
    void aLostDealMovesToThePipelinesFirstLostStage() {
        fixture.given(CREATED)
                .when(new MarkDealLostCommand(DEAL, ORGANIZATION, "Budget cut", null))
                .expectEvents(LOST_EVENT);
    }

    @Test
    void losingALostDealChangesNothing() {
        fixture.given(CREATED, LOST_EVENT)
                .when(new MarkDealLostCommand(DEAL, ORGANIZATION, "Another reason", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void losingNeedsAReason() {
        fixture.given(CREATED)
                .when(new MarkDealLostCommand(DEAL, ORGANIZATION, null, null))
                .expectException(violation(ErrorCode.REQUIRED_FIELD, "reason")).expectNoEvents();
    }

    @Test
    void aWonDealIsNotLostWithoutReopening() {
        fixture.given(CREATED, WON_EVENT)
                .when(new MarkDealLostCommand(DEAL, ORGANIZATION, "Changed their mind", null))
                .expectException(violation(ErrorCode.DEAL_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aPipelineWithoutLostStageCannotLose() {
        fixture.given(new DealCreatedEvent(DEAL, ORGANIZATION, null, BARE_PIPELINE, BARE_OPEN.id(), false, false,
                        "Bare", null, null, null, null))
                .when(new MarkDealLostCommand(DEAL, ORGANIZATION, "No budget", null))
                .expectException(violation(ErrorCode.NO_LOST_STAGE, null)).expectNoEvents();
    }

    @Test
    void aWonDealIsReopenedIntoAnOpenStage() {
        fixture.given(CREATED, WON_EVENT)
                .when(new ReopenDealCommand(DEAL, ORGANIZATION, PROPOSAL.id(), null))
                .expectEvents(new DealReopenedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, WON.id(), PROPOSAL.id(),
                        false, false));
    }

    @Test
    void aReopenedDealMovesAgain() {
        fixture.given(CREATED, LOST_EVENT, new DealReopenedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, LOST.id(),
                        LEAD.id(), false, false))
                .when(new MoveDealStageCommand(DEAL, ORGANIZATION, PROPOSAL.id(), null, null))
                .expectEvents(new DealStageMovedEvent(DEAL, ORGANIZATION, PERSON, PIPELINE, LEAD.id(),
                        PROPOSAL.id(), false, false));
    }

    @Test
    void anOpenDealIsNotReopened() {
        fixture.given(CREATED)
                .when(new ReopenDealCommand(DEAL, ORGANIZATION, PROPOSAL.id(), null))
                .expectException(violation(ErrorCode.DEAL_NOT_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aDealIsNotReopenedIntoAClosedStage() {
        fixture.given(CREATED, WON_EVENT)
                .when(new ReopenDealCommand(DEAL, ORGANIZATION, LOST.id(), null))
                .expectException(violation(ErrorCode.STAGE_CLOSED, "stageId")).expectNoEvents();
    }

    @Test
    void aDealIsNotReopenedIntoAStageOfAnotherPipeline() {
        fixture.given(CREATED, LOST_EVENT)
                .when(new ReopenDealCommand(DEAL, ORGANIZATION, OTHER_OPEN.id(), null))
                .expectException(violation(ErrorCode.UNKNOWN_STAGE, "stageId")).expectNoEvents();
    }

    @Test
    void anotherOrganizationsDealIsNotFound() {
        for (Object command : List.of(
                new ChangeDealCommand(DEAL, OTHER_ORGANIZATION, FieldChange.to("Mine"), null, null, null, null, null,
                        null, null),
                new MoveDealStageCommand(DEAL, OTHER_ORGANIZATION, PROPOSAL.id(), null, null),
                new MarkDealWonCommand(DEAL, OTHER_ORGANIZATION, null),
                new MarkDealLostCommand(DEAL, OTHER_ORGANIZATION, "x", null),
                new ReopenDealCommand(DEAL, OTHER_ORGANIZATION, PROPOSAL.id(), null))) {
            fixture.given(CREATED, WON_EVENT)
                    .when(command)
                    .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
        }
    }

    private static PipelineStage stage(String suffix, String name, boolean closed, boolean won) {
        return new PipelineStage(UUID.fromString("00000000-0000-0000-0000-00000000" + suffix), name,
                BigDecimal.TEN, "pipeline", closed, won);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount).setScale(4), "EUR");
    }

    private static Matcher<Exception> violation(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
