package io.unifiedcrm.identity.team.projection;

import io.unifiedcrm.identity.team.api.TeamView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A row of {@code identity.team} with its members ({@code identity.team_member}). */
@Entity
@Table(schema = "identity", name = "team")
public class TeamReadModel {

    @Id
    private UUID id;
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(schema = "identity", name = "team_member", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "person_id", nullable = false)
    private Set<UUID> members = new HashSet<>();

    protected TeamReadModel() {
        // for JPA
    }

    TeamReadModel(UUID id, UUID organizationId, String name, long version, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Applies a membership change unless the row already reflects this event (a redelivery). */
    void changeMembership(UUID personId, boolean member, long eventVersion, Instant at) {
        if (eventVersion <= version) {
            return;
        }
        if (member) {
            members.add(personId);
        } else {
            members.remove(personId);
        }
        version = eventVersion;
        updatedAt = at;
    }

    public TeamView toView() {
        return new TeamView(id, name, members.stream().sorted().toList(), version, createdAt);
    }
}
