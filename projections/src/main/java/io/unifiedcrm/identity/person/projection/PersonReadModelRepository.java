package io.unifiedcrm.identity.person.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reads {@code identity.person} as entities (the projections write it with {@link PersonRows}). */
public interface PersonReadModelRepository extends JpaRepository<PersonReadModel, UUID> {

    /** The tenant-scoped read: another organization's person is not found. */
    Optional<PersonReadModel> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /**
     * One keyset page of an organization's persons in creation order (not those merged into another), filtered by
     * every non-null criterion;
     * {@code email} matches in any case, {@code prefixPattern} is a lower-case LIKE pattern (escaped, ending in %).
     */
    @Query("""
            select p from PersonReadModel p
            where p.organizationId = :organizationId
              and p.mergedIntoId is null
              and (cast(:email as String) is null or lower(p.email) = lower(cast(:email as String)))
              and (cast(:lifecycleStage as String) is null or p.lifecycleStage = :lifecycleStage)
              and (cast(:isCustomer as Boolean) is null or p.isCustomer = :isCustomer)
              and (cast(:isLead as Boolean) is null or p.isLead = :isLead)
              and (cast(:source as String) is null or p.source = :source)
              and (cast(:prefixPattern as String) is null
                   or lower(p.firstName) like :prefixPattern escape '\\'
                   or lower(p.lastName) like :prefixPattern escape '\\'
                   or lower(p.email) like :prefixPattern escape '\\')
              and (cast(:afterCreatedAt as Instant) is null or p.createdAt > :afterCreatedAt
                   or (p.createdAt = :afterCreatedAt and p.id > :afterId))
            order by p.createdAt, p.id""")
    List<PersonReadModel> findPage(UUID organizationId, String email, String lifecycleStage, Boolean isCustomer,
                                   Boolean isLead, String source, String prefixPattern, Instant afterCreatedAt,
                                   UUID afterId, Limit limit);
}
