package io.unifiedcrm.crm.deal.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import io.unifiedcrm.crm.deal.api.ChangeDealCommand;
import io.unifiedcrm.crm.deal.api.CreateDealCommand;
import io.unifiedcrm.crm.deal.api.MarkDealLostCommand;
import io.unifiedcrm.crm.deal.api.MarkDealWonCommand;
import io.unifiedcrm.crm.deal.api.MoveDealStageCommand;
import io.unifiedcrm.crm.deal.api.ReopenDealCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealCommandController {

    private final CommandGateway commands;

    DealCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Create a deal in an open stage (default: the first open stage of the default pipeline)")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateDealRequest request) {
        UUID dealId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreateDealCommand(dealId, organization.id(), request.name(),
                request.amount() == null ? null : amountOf(request.amount()),
                request.amount() == null ? null : request.amount().currency(), request.pipelineId(),
                request.stageId(), request.closeDate(), request.ownerId(), request.personId(), request.companyId()));
        return CommandAccepted.created(URI.create("/api/v1/deals/" + dealId), dealId, version);
    }

    @PatchMapping(path = "/{dealId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a deal with a JSON merge patch (absent members stay, null removes)")
    ResponseEntity<CommandAccepted> change(CallerOrganization organization, @PathVariable UUID dealId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody DealPatchRequest request) {
        return CommandAccepted.ok(dealId, commands.<Long>sendAndWait(new ChangeDealCommand(dealId,
                organization.id(), request.name(), request.amount(), request.amountCurrency(), request.closeDate(),
                request.ownerId(), request.personId(), request.companyId(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{dealId}/stage")
    @Operation(summary = "Move an open deal to a stage of its pipeline (a won stage wins it, a lost stage loses it)")
    ResponseEntity<CommandAccepted> move(CallerOrganization organization, @PathVariable UUID dealId,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                         @Valid @RequestBody MoveStageRequest request) {
        return CommandAccepted.ok(dealId, commands.<Long>sendAndWait(new MoveDealStageCommand(dealId,
                organization.id(), request.stageId(), request.lostReason(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{dealId}/won")
    @Operation(summary = "Win an open deal: it moves to its pipeline's first won stage")
    ResponseEntity<CommandAccepted> won(CallerOrganization organization, @PathVariable UUID dealId,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(dealId, commands.<Long>sendAndWait(new MarkDealWonCommand(dealId,
                organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{dealId}/lost")
    @Operation(summary = "Lose an open deal for a reason: it moves to its pipeline's first lost stage")
    ResponseEntity<CommandAccepted> lost(CallerOrganization organization, @PathVariable UUID dealId,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                         @Valid @RequestBody LostRequest request) {
        return CommandAccepted.ok(dealId, commands.<Long>sendAndWait(new MarkDealLostCommand(dealId,
                organization.id(), request.reason(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{dealId}/reopen")
    @Operation(summary = "Reopen a won or lost deal into an open stage of its pipeline")
    ResponseEntity<CommandAccepted> reopen(CallerOrganization organization, @PathVariable UUID dealId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody ReopenRequest request) {
        return CommandAccepted.ok(dealId, commands.<Long>sendAndWait(new ReopenDealCommand(dealId,
                organization.id(), request.stageId(), IfMatch.expectedVersion(ifMatch))));
    }

    /** The amount of a money member that is present: {@code {"currency": "EUR"}} alone is no amount. */
    static BigDecimal amountOf(MoneyRequest money) {
        if (money.amount() == null) {
            throw new DomainRuleViolation(ErrorCode.INVALID_MONEY, "amount.amount", "amount.amount is required.");
        }
        return money.amount();
    }
}
