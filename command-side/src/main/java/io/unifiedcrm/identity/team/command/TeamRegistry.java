package io.unifiedcrm.identity.team.command;

import io.unifiedcrm.identity.team.api.TeamCreatedEvent;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's knowledge of teams, written in the transaction of their creation (a subscribing processor):
 * which organization a team belongs to, so that a record names only a team of its own organization, and at most
 * {@value #MAX_TEAMS} teams per organization (concurrent creations may each see the others uncommitted and pass it by
 * a few).
 */
@Component
@ProcessingGroup(TeamRegistry.PROCESSING_GROUP)
public class TeamRegistry {

    static final String PROCESSING_GROUP = "team-lookup";
    /** Teams per organization: configuration, not data. */
    public static final int MAX_TEAMS = 1_000;

    private final JdbcTemplate jdbc;

    public TeamRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TeamCreatedEvent event) {
        jdbc.update("""
                        INSERT INTO identity.team_lookup (team_id, organization_id) VALUES (?, ?)
                        ON CONFLICT (team_id) DO NOTHING""", event.teamId(), event.organizationId());
        Long teams = jdbc.queryForObject("SELECT count(*) FROM identity.team_lookup WHERE organization_id = ?",
                Long.class, event.organizationId());
        if (teams != null && teams > MAX_TEAMS) {
            throw new DomainRuleViolation(ErrorCode.TEAM_LIMIT_REACHED, "name",
                    "An organization has at most " + MAX_TEAMS + " teams.");
        }
    }

    /** Whether the team is one of the organization's. */
    public boolean contains(UUID organizationId, UUID teamId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM identity.team_lookup WHERE team_id = ? AND organization_id = ?)""",
                Boolean.class, teamId, organizationId));
    }

    @Configuration(proxyBeanMethods = false)
    static class TeamRegistryConfiguration {

        @Bean
        ConfigurerModule teamLookupWrittenWithTheEvents() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
