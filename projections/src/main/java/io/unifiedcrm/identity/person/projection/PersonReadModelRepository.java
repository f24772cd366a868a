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
                                         created_at, updated_at, lifecycle_stage, own_lifecycle_stage, is_lead,
                                         is_customer, flags_rulebook_version)
            VALUES (:id, :organizationId, :email, :firstName, :lastName, :phone, :source, :version, :at, :at,
                    :lifecycleStage, :lifecycleStage, :isLead, :isCustomer, :rulebookVersion)
            ON CONFLICT (id) DO NOTHING""")
    void insertIfAbsent(UUID id, UUID organizationId, String email, String firstName, String lastName, String phone,
                        String source, long version, Instant at, String lifecycleStage, boolean isLead,
                        boolean isCustomer, String rulebookVersion);

    /**
     * The rulebook's combination of own flags and order rows into the effective flags of {@code personId}'s
     * survivor; see {@link #recomputeFlags(UUID)}.
     */
    @Modifying
    @Query(nativeQuery = true, value = PersonFlagsRulebook.RECOMPUTE_EFFECTIVE_FLAGS)
    void recomputeFlags(UUID personId, String rulebookVersion, int evangelistCompletedOrders);

    /** Recomputes the effective flags of {@code personId}'s survivor with the current rulebook. */
    default void recomputeFlags(UUID personId) {
        recomputeFlags(personId, PersonFlagsRulebook.VERSION, PersonFlagsRulebook.EVANGELIST_COMPLETED_ORDERS);
    }

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET explicit_lifecycle_stage = :stage, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void setExplicitStage(UUID id, String stage, long version, Instant at);

    /** Moves the person's own stage forward to {@code stage} (never back). */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person
            SET own_lifecycle_stage = CASE
                    WHEN array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], own_lifecycle_stage)
                         < array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], cast(:stage AS text))
                    THEN :stage ELSE own_lifecycle_stage END,
                version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void advanceOwnStage(UUID id, String stage, long version, Instant at);

    /**
     * Moves the person's own stage forward for another aggregate's event (a deal): no version to guard it, and none
     * needed — moving forward to a stage twice is moving once.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person
            SET own_lifecycle_stage = CASE
                    WHEN array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], own_lifecycle_stage)
                         < array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], cast(:stage AS text))
                    THEN :stage ELSE own_lifecycle_stage END
            WHERE id = :id""")
    void advanceOwnStageFor(UUID id, String stage);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET own_has_account = true,
                                       version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void markAccountRegistered(UUID id, long version, Instant at);

    /** An event of the person's stream that changes nothing here still moves the row to its version. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET version = :version, updated_at = :at WHERE id = :id AND version < :version""")
    void touch(UUID id, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET is_vendor = :vendor, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void setVendor(UUID id, boolean vendor, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET email_verified = true,
                                       version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void markEmailVerified(UUID id, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET phone_verified = true,
                                       version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void markPhoneVerified(UUID id, long version, Instant at);

    /** Applies a rename (the first event of its kind) unless the row already reflects this event or a later one. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET first_name = :firstName, last_name = :lastName, version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void rename(UUID id, String firstName, String lastName, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET first_name = :firstName, last_name = :lastName, middle_name = :middleName,
                                       display_name = :displayName, avatar_url = :avatarUrl, version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void changeNames(UUID id, String firstName, String lastName, String middleName, String displayName,
                     String avatarUrl, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person
            SET email = :email, email_verified = false, version = :version, updated_at = :at,
                secondary_emails = (SELECT coalesce(jsonb_agg(address), '[]'::jsonb)
                                    FROM jsonb_array_elements_text(secondary_emails) AS address
                                    WHERE lower(address) <> lower(:email))
            WHERE id = :id AND version < :version""")
    void changeEmail(UUID id, String email, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET phone = :phone, phone_verified = false, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void changePhone(UUID id, String phone, long version, Instant at);

    /** {@code sourceDetails} is JSON text or {@code null}. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET source_details = cast(:sourceDetails AS jsonb), version = :version,
                                       updated_at = :at
            WHERE id = :id AND version < :version""")
    void changeSourceDetails(UUID id, String sourceDetails, long version, Instant at);

    /** The whole profile as a merge or unmerge decided it; JSON values as text. */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET email = :email, email_verified = :emailVerified,
                                       secondary_emails = cast(:secondaryEmails AS jsonb), phone = :phone,
                                       phone_verified = :phoneVerified, first_name = :firstName,
                                       last_name = :lastName, middle_name = :middleName, display_name = :displayName,
                                       avatar_url = :avatarUrl, source_details = cast(:sourceDetails AS jsonb),
                                       version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void replaceProfile(UUID id, String email, boolean emailVerified, String secondaryEmails, String phone,
                        boolean phoneVerified, String firstName, String lastName, String middleName,
                        String displayName, String avatarUrl, String sourceDetails, long version, Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE identity.person SET merged_into_id = :survivorId, version = :version, updated_at = :at
            WHERE id = :id AND version < :version""")
    void setMergedInto(UUID id, UUID survivorId, long version, Instant at);

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
