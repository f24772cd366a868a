package io.unifiedcrm.identity.person.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonReadModelRepository extends JpaRepository<PersonReadModel, UUID> {

    /** The tenant-scoped read: another organization's person is not found. */
    Optional<PersonReadModel> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /** One keyset page of an organization's persons in creation order; {@code email} matches in any case. */
    @Query("""
            select p from PersonReadModel p
            where p.organizationId = :organizationId
              and (:email is null or lower(p.email) = lower(cast(:email as String)))
              and (cast(:afterCreatedAt as Instant) is null or p.createdAt > :afterCreatedAt
                   or (p.createdAt = :afterCreatedAt and p.id > :afterId))
            order by p.createdAt, p.id""")
    List<PersonReadModel> findPage(UUID organizationId, String email, Instant afterCreatedAt, UUID afterId,
                                   Limit limit);
}
