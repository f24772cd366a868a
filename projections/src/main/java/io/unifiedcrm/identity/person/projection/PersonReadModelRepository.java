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
                                         created_at, updated_at)
            VALUES (:id, :organizationId, :email, :firstName, :lastName, :phone, :source, :version, :at, :at)
            ON CONFLICT (id) DO NOTHING""")
    void insertIfAbsent(UUID id, UUID organizationId, String email, String firstName, String lastName, String phone,
                        String source, long version, Instant at);

    /** Applies a rename unless the row already reflects this event or a later one. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET first_name = :firstName, last_name = :lastName, version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void rename(UUID id, String firstName, String lastName, long version, Instant at);

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
