package io.unifiedcrm.identity.team.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.identity.team.api.AddTeamMemberCommand;
import io.unifiedcrm.identity.team.api.CreateTeamCommand;
import io.unifiedcrm.identity.team.api.RemoveTeamMemberCommand;
import io.unifiedcrm.identity.team.api.TeamCreatedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberAddedEvent;
import io.unifiedcrm.identity.team.api.TeamMemberRemovedEvent;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.RequiredText;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A team of an organization's people (seed: identity, "Person, Organization, Team"). */
@Aggregate(cache = "teamCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Team {

    static final int MAX_NAME_LENGTH = 200;
    /** Members per team: every read of the team lists them all. */
    static final int MAX_MEMBERS = 1_000;

    @AggregateIdentifier
    private UUID teamId;
    private UUID organizationId;
    private final Set<UUID> members = new HashSet<>();

    protected Team() {
        // for Axon
    }

    /** @return the team's version after creation */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateTeamCommand command) {
        String name = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
        apply(new TeamCreatedEvent(command.teamId(), command.organizationId(), name));
        return AggregateLifecycle.getVersion();
    }

    /** @return the team's version after the change */
    @CommandHandler
    public long handle(AddTeamMemberCommand command) {
        requireOrganization(command.organizationId());
        if (!command.personInOrganization()) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId",
                    "No person with this id in the organization.");
        }
        if (!members.contains(command.personId())) {
            if (members.size() >= MAX_MEMBERS) {
                throw new DomainRuleViolation(ErrorCode.TEAM_MEMBER_LIMIT_REACHED, "personId",
                        "A team has at most " + MAX_MEMBERS + " members.");
            }
            apply(new TeamMemberAddedEvent(teamId, organizationId, command.personId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the team's version after the change */
    @CommandHandler
    public long handle(RemoveTeamMemberCommand command) {
        requireOrganization(command.organizationId());
        if (members.contains(command.personId())) {
            apply(new TeamMemberRemovedEvent(teamId, organizationId, command.personId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Another organization's team must look exactly like a missing one. */
    private void requireOrganization(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent event) {
        this.teamId = event.teamId();
        this.organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent event) {
        members.add(event.personId());
    }

    @EventSourcingHandler
    void on(TeamMemberRemovedEvent event) {
        members.remove(event.personId());
    }
}
