package io.unifiedcrm.identity.team.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.team.api.FindTeamQuery;
import io.unifiedcrm.identity.team.api.FindTeamsQuery;
import io.unifiedcrm.identity.team.api.TeamPage;
import io.unifiedcrm.identity.team.api.TeamView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
class TeamQueryController {

    private final QueryGateway queries;

    TeamQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's teams with their members, in creation order")
    ItemList<TeamView> list(CallerOrganization organization, @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        TeamPage page = queries.query(new FindTeamsQuery(organization.id(), after.createdAt(), after.id(), pageSize),
                TeamPage.class).join();
        return new ItemList<>(page.items(),
                Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(), TeamView::createdAt, TeamView::id));
    }

    @ReadYourWrites
    @GetMapping("/{teamId}")
    @Operation(summary = "Read a team of the caller's organization")
    ResponseEntity<TeamView> get(CallerOrganization organization, @PathVariable UUID teamId) {
        TeamView team = queries.query(new FindTeamQuery(organization.id(), teamId),
                        ResponseTypes.optionalInstanceOf(TeamView.class))
                .join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(team.version())).body(team);
    }
}
