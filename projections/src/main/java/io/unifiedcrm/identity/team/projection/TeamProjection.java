package io.unifiedcrm.identity.team.projection;

import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.identity.team.api.TeamCreatedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberAddedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberRemovedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code identity.team} and {@code identity.team_member}; idempotent by the team's version. */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class TeamProjection {

    private final TeamReadModelRepository teams;

    TeamProjection(TeamReadModelRepository teams) {
        this.teams = teams;
    }

    @EventHandler
    void on(TeamCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (!teams.existsById(event.teamId())) {
            teams.save(new TeamReadModel(event.teamId(), event.organizationId(), event.name(), sequenceNumber, at));
        }
    }

    @EventHandler
    void on(TeamMemberAddedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        teams.findById(event.teamId())
                .ifPresent(team -> team.changeMembership(event.personId(), true, sequenceNumber, at));
    }

    @EventHandler
    void on(TeamMemberRemovedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        teams.findById(event.teamId())
                .ifPresent(team -> team.changeMembership(event.personId(), false, sequenceNumber, at));
    }

    /** Members go with their team (ON DELETE CASCADE). */
    @ResetHandler
    void reset() {
        teams.deleteAllInBatch();
    }
}
