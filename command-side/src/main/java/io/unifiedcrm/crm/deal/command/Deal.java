package io.unifiedcrm.crm.deal.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import io.unifiedcrm.shared.Money;
import io.unifiedcrm.shared.PointInTime;
import io.unifiedcrm.shared.OptionalText;
import io.unifiedcrm.shared.RequiredText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A deal (seed: crm.deal): a possible sale in a stage of a pipeline, with an amount in the organization's base
 * currency, a close date, an owner, a primary person and a company. It moves only between the stages of its own
 * pipeline (loaded in the command's unit of work): into a won stage it is won, into a lost stage (closed, not won)
 * it is lost for a reason. A closed deal stays in its stage, with its amount, until it is reopened.
 */
@Aggregate(cache = "dealCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Deal {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private UUID dealId;
    private UUID organizationId;
    private String name;
    private Money amount;
    private UUID pipelineId;
    private UUID stageId;
    private boolean closed;
    private boolean won;
    private LocalDate closeDate;
    private UUID ownerId;
    private UUID personId;
    private UUID companyId;

    protected Deal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateDealCommand command, OrganizationCurrencies currencies, PipelineStages pipelines,
                       DealParties parties) {
        UUID organization = command.organizationId();
        String dealName = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
        Money dealAmount = command.amount() == null ? null
                : amountIn(currencies.baseCurrencyOf(organization), command.amount(), command.amountCurrency());
        PipelineLayout layout = pipelines.layoutOf(organization,
                command.pipelineId() == null ? DefaultPipeline.idOf(organization) : command.pipelineId());
        PipelineStage stage = command.stageId() == null ? layout.firstOpenStage() : stageOf(layout, command.stageId());
        if (stage.isClosed()) {
            throw stageClosed("A deal is created in an open stage; win or lose it afterwards.");
        }
        parties.requirePerson(organization, command.ownerId(), "ownerId");
        parties.requirePerson(organization, command.personId(), "personId");
        parties.requireCompany(organization, command.companyId());
        apply(new DealCreatedEvent(command.dealId(), organization, command.personId(), layout.pipelineId(),
                stage.id(), false, false, dealName, dealAmount, PointInTime.date("closeDate", command.closeDate()),
                command.ownerId(), command.companyId()));
        return AggregateLifecycle.getVersion();
    }

    /** JSON merge patch of the deal. @return the version after the change (unchanged if nothing differs) */
    @CommandHandler
    public long handle(ChangeDealCommand command, OrganizationCurrencies currencies, DealParties parties) {
        requireDealOf(command.organizationId());
        String newName = name;
        if (command.name() != null) {
            if (command.name().removes()) {
                throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, "name", "A deal keeps a name.");
            }
            newName = RequiredText.of("name", command.name().value(), MAX_NAME_LENGTH).value();
        }
        Money newAmount = amount;
        if (command.amount() != null) {
            newAmount = command.amount().removes() ? null : amountIn(currencies.baseCurrencyOf(organizationId),
                    command.amount().value(), command.amountCurrency());
        }
        if (closed && !Objects.equals(newAmount, amount)) {
            throw dealClosed("The amount of a closed deal does not change; reopen it first.");
        }
        LocalDate newCloseDate = PointInTime.date("closeDate", changed(command.closeDate(), closeDate));
        UUID newOwner = changed(command.ownerId(), ownerId);
        UUID newPerson = changed(command.personId(), personId);
        UUID newCompany = changed(command.companyId(), companyId);
        if (!Objects.equals(newOwner, ownerId)) {
            parties.requirePerson(organizationId, newOwner, "ownerId");
        }
        if (!Objects.equals(newPerson, personId)) {
            parties.requirePerson(organizationId, newPerson, "personId");
        }
        if (!Objects.equals(newCompany, companyId)) {
            parties.requireCompany(organizationId, newCompany);
        }
        if (!newName.equals(name) || !Objects.equals(newAmount, amount) || !Objects.equals(newCloseDate, closeDate)
                || !Objects.equals(newOwner, ownerId) || !Objects.equals(newPerson, personId)
                || !Objects.equals(newCompany, companyId)) {
            apply(new DealChangedEvent(dealId, organizationId, newPerson, personId, pipelineId, stageId, closed, won,
                    newName, newAmount, newCloseDate, newOwner, newCompany));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Into an open stage: moved; a won stage: won; a lost stage: lost (with a reason). The same stage: nothing. */
    @CommandHandler
    public long handle(MoveDealStageCommand command, PipelineStages pipelines) {
        requireDealOf(command.organizationId());
        if (command.stageId() == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, "stageId", "stageId is required.");
        }
        if (command.stageId().equals(stageId)) {
            return AggregateLifecycle.getVersion();
        }
        requireOpen();
        PipelineStage target = stageOf(pipelines.layoutOf(organizationId, pipelineId), command.stageId());
        if (target.isWon()) {
            applyWon(target);
        } else if (target.isClosed()) {
            applyLost(target, reason("lostReason", command.lostReason()));
        } else {
            apply(new DealStageMovedEvent(dealId, organizationId, personId, pipelineId, stageId, target.id(), false,
                    false));
        }
        return AggregateLifecycle.getVersion();
    }

    /** To the pipeline's first won stage; a won deal stays as it is. */
    @CommandHandler
    public long handle(MarkDealWonCommand command, PipelineStages pipelines) {
        requireDealOf(command.organizationId());
        if (won) {
            return AggregateLifecycle.getVersion();
        }
        requireOpen();
        applyWon(pipelines.layoutOf(organizationId, pipelineId).firstWonStage().orElseThrow(() ->
                new DomainRuleViolation(ErrorCode.NO_WON_STAGE, null, "The deal's pipeline has no won stage.")));
        return AggregateLifecycle.getVersion();
    }

    /** To the pipeline's first lost stage (closed, not won); a lost deal stays as it is. */
    @CommandHandler
    public long handle(MarkDealLostCommand command, PipelineStages pipelines) {
        requireDealOf(command.organizationId());
        String lostReason = reason("reason", command.reason());
        if (closed && !won) {
            return AggregateLifecycle.getVersion();
        }
        requireOpen();
        applyLost(pipelines.layoutOf(organizationId, pipelineId).firstLostStage().orElseThrow(() ->
                new DomainRuleViolation(ErrorCode.NO_LOST_STAGE, null, "The deal's pipeline has no lost stage.")),
                lostReason);
        return AggregateLifecycle.getVersion();
    }

    /** A won or lost deal back into an open stage of its pipeline. */
    @CommandHandler
    public long handle(ReopenDealCommand command, PipelineStages pipelines) {
        requireDealOf(command.organizationId());
        if (!closed) {
            throw new DomainRuleViolation(ErrorCode.DEAL_NOT_CLOSED, null, "Only a won or lost deal is reopened.");
        }
        if (command.stageId() == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, "stageId", "stageId is required.");
        }
        PipelineStage target = stageOf(pipelines.layoutOf(organizationId, pipelineId), command.stageId());
        if (target.isClosed()) {
            throw stageClosed("A deal is reopened into an open stage.");
        }
        apply(new DealReopenedEvent(dealId, organizationId, personId, pipelineId, stageId, target.id(), false,
                false));
        return AggregateLifecycle.getVersion();
    }

    private void applyWon(PipelineStage target) {
        apply(new DealWonEvent(dealId, organizationId, personId, pipelineId, stageId, target.id(), true, true,
                amount));
    }

    private void applyLost(PipelineStage target, String reason) {
        apply(new DealLostEvent(dealId, organizationId, personId, pipelineId, stageId, target.id(), true, false,
                reason));
    }

    private static PipelineStage stageOf(PipelineLayout layout, UUID stageId) {
        return layout.stage(stageId).orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_STAGE, "stageId",
                "The deal's pipeline has no stage with this id."));
    }

    private static String reason(String field, String raw) {
        String reason = OptionalText.of(field, raw, MAX_REASON_LENGTH);
        if (reason == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, field, "A lost deal needs a reason.");
        }
        return reason;
    }

    private static Money amountIn(String baseCurrency, BigDecimal value, String currency) {
        Money money = Money.of("amount", value, currency == null ? baseCurrency : currency);
        if (!money.currency().equals(baseCurrency)) {
            throw new DomainRuleViolation(ErrorCode.CURRENCY_MISMATCH, "amount.currency",
                    "Deal amounts are in the organization's base currency, " + baseCurrency + ".");
        }
        return money;
    }

    private static <T> T changed(FieldChange<T> change, T current) {
        return change == null ? current : change.value();
    }

    private void requireDealOf(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw dealClosed("The deal is " + (won ? "won" : "lost") + "; reopen it first.");
        }
    }

    private static DomainRuleViolation dealClosed(String message) {
        return new DomainRuleViolation(ErrorCode.DEAL_CLOSED, null, message);
    }

    private static DomainRuleViolation stageClosed(String message) {
        return new DomainRuleViolation(ErrorCode.STAGE_CLOSED, "stageId", message);
    }

    @EventSourcingHandler
    void on(DealCreatedEvent event) {
        this.dealId = event.dealId();
        this.organizationId = event.organizationId();
        this.name = event.name();
        this.amount = event.amount();
        this.pipelineId = event.pipelineId();
        this.stageId = event.stageId();
        this.closeDate = event.closeDate();
        this.ownerId = event.ownerId();
        this.personId = event.personId();
        this.companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(DealChangedEvent event) {
        this.name = event.name();
        this.amount = event.amount();
        this.closeDate = event.closeDate();
        this.ownerId = event.ownerId();
        this.personId = event.personId();
        this.companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(DealStageMovedEvent event) {
        this.stageId = event.stageId();
    }

    @EventSourcingHandler
    void on(DealWonEvent event) {
        this.stageId = event.stageId();
        this.closed = true;
        this.won = true;
    }

    @EventSourcingHandler
    void on(DealLostEvent event) {
        this.stageId = event.stageId();
        this.closed = true;
        this.won = false;
    }

    @EventSourcingHandler
    void on(DealReopenedEvent event) {
        this.stageId = event.stageId();
        this.closed = false;
        this.won = false;
    }
}
