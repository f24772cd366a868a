package io.unifiedcrm.identity.team.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamReadModelRepository extends JpaRepository<TeamReadModel, UUID> {

    /** The tenant-scoped read: another organization's team is not found. */
    Optional<TeamReadModel> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /** One keyset page of an organization's teams in creation order. */
    @Query("""
            select t from TeamReadModel t
            where t.organizationId = :organizationId
              and (cast(:afterCreatedAt as Instant) is null or t.createdAt > :afterCreatedAt
                   or (t.createdAt = :afterCreatedAt and t.id > :afterId))
            order by t.createdAt, t.id""")
    List<TeamReadModel> findPage(UUID organizationId, Instant afterCreatedAt, UUID afterId, Limit limit);
}
