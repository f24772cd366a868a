package io.unifiedcrm.identity.person.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PersonReadModelRepository extends JpaRepository<PersonReadModel, UUID> {

    /** Inserts the row unless it exists (a redelivered event): one statement, no read before the write. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO identity.person (id, organization_id, email, first_name, last_name, phone, source, version,
                                         created_at, updated_at, lifecycle_stage, is_lead, is_customer,
                                         flags_rulebook_version)
            VALUES (:id, :organizationId, :email, :firstName, :lastName, :phone, :source, :version, :at, :at,
                    :lifecycleStage, :isLead, :isCustomer, :rulebookVersion)
            ON CONFLICT (id) DO NOTHING""")
    void insertIfAbsent(UUID id, UUID organizationId, String email, String firstName, String lastName, String phone,
                        String source, long version, Instant at, String lifecycleStage, boolean isLead,
                        boolean isCustomer, String rulebookVersion);

    /** Sets the lifecycle stage (and the flags that follow from it) unless the row is already past this event. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET lifecycle_stage = :lifecycleStage, lifecycle_stage_explicit = :explicit,
                                       is_lead = :isLead, is_customer = :isCustomer, version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void setLifecycleStage(UUID id, String lifecycleStage, boolean explicit, boolean isLead, boolean isCustomer,
                           long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET is_vendor = :vendor, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void setVendor(UUID id, boolean vendor, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET email_verified = true, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void markEmailVerified(UUID id, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET phone_verified = true, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void markPhoneVerified(UUID id, long version, Instant at);

    /** Applies a rename unless the row already reflects this event or a later one. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET first_name = :firstName, last_name = :lastName, version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void rename(UUID id, String firstName, String lastName, long version, Instant at);

    /** The tenant-scoped read: another organization's person is not found. */
    Optional<PersonReadModel> findByIdAndOrganizationId(UUID id, UUID organizationId);

    /**
     * One keyset page of an organization's persons in creation order, filtered by every non-null criterion;
     * {@code email} matches in any case, {@code prefixPattern} is a lower-case LIKE pattern (escaped, ending in %).
     */
    @Query("""
            select p from PersonReadModel p
            where p.organizationId = :organizationId
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
