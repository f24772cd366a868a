package io.unifiedcrm.identity.team.query;

import io.unifiedcrm.identity.team.api.FindTeamQuery;
import io.unifiedcrm.identity.team.api.FindTeamsQuery;
import io.unifiedcrm.identity.team.api.TeamPage;
import io.unifiedcrm.identity.team.api.TeamView;
import io.unifiedcrm.identity.team.projection.TeamReadModel;
import io.unifiedcrm.identity.team.projection.TeamReadModelRepository;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

@Component
class TeamQueryHandler {

    private final TeamReadModelRepository teams;

    TeamQueryHandler(TeamReadModelRepository teams) {
        this.teams = teams;
    }

    @QueryHandler
    Optional<TeamView> handle(FindTeamQuery query) {
        return teams.findByIdAndOrganizationId(query.teamId(), query.organizationId()).map(TeamReadModel::toView);
    }

    @QueryHandler
    TeamPage handle(FindTeamsQuery query) {
        List<TeamView> page = teams.findPage(query.organizationId(), query.afterCreatedAt(), query.afterId(),
                Limit.of(query.limit() + 1)).stream().map(TeamReadModel::toView).toList();
        boolean hasMore = page.size() > query.limit();
        return new TeamPage(hasMore ? page.subList(0, query.limit()) : page, hasMore);
    }
}
