package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * Writes {@code identity.person}, the identity projections' rows of persons. Idempotent: a row is inserted only if
 * absent and changed only by an event with a higher sequence number than the row's version (except the moves
 * forward for other aggregates' events and the flags recomputation, which are idempotent by themselves).
 */
@Component
class PersonRows {

    static final String TABLE = "identity.person";

    private static final ParsedSql RECOMPUTE = NamedParameterUtils.parseSqlStatement(
            PersonFlagsRulebook.RECOMPUTE_EFFECTIVE_FLAGS);
    private static final String RECOMPUTE_SQL = NamedParameterUtils.substituteNamedParameters(RECOMPUTE, null);

    /** The recomputation reads the rows of a merge cluster, its lead score entries and order rows. */
    private static final Footprint RECOMPUTE_FOOTPRINT = Footprint.table(TABLE)
            .and(Footprint.table(LeadScores.TABLE)).and(Footprint.table(PersonOrderFlagsProjection.TABLE));

    private static final String ADVANCE_OWN_STAGE = """
            own_lifecycle_stage = CASE
                    WHEN array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], own_lifecycle_stage)
                         < array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], cast(? AS text))
                    THEN ? ELSE own_lifecycle_stage END""";

    private final ReadModelJdbc jdbc;

    PersonRows(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(UUID id, UUID organizationId, String email, String firstName, String lastName, String phone,
                        String source, long version, Instant at, String lifecycleStage, boolean isLead,
                        boolean isCustomer, String rulebookVersion) {
        Timestamp time = Timestamp.from(at);
        jdbc.write(row(id), """
                        INSERT INTO identity.person (id, organization_id, email, first_name, last_name, phone, source,
                                                     version, created_at, updated_at, lifecycle_stage,
                                                     own_lifecycle_stage, is_lead, is_customer, flags_rulebook_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""",
                id, organizationId, email, firstName, lastName, phone, source, version, time, time, lifecycleStage,
                lifecycleStage, isLead, isCustomer, rulebookVersion);
    }

    /**
     * The rulebook's combination of own flags and order rows into the effective flags of {@code personId}'s
     * survivor ({@link PersonFlagsRulebook#RECOMPUTE_EFFECTIVE_FLAGS}), with the current rulebook.
     */
    void recomputeFlags(UUID personId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("personId", personId)
                .addValue("rulebookVersion", PersonFlagsRulebook.VERSION)
                .addValue("evangelistCompletedOrders", PersonFlagsRulebook.EVANGELIST_COMPLETED_ORDERS);
        jdbc.write(RECOMPUTE_FOOTPRINT, RECOMPUTE_SQL,
                NamedParameterUtils.buildValueArray(RECOMPUTE, parameters, null));
    }

    void setExplicitStage(UUID id, String stage, long version, Instant at) {
        versioned(id, "explicit_lifecycle_stage = ?", version, at, stage);
    }

    /** Moves the person's own stage forward to {@code stage} (never back). */
    void advanceOwnStage(UUID id, String stage, long version, Instant at) {
        versioned(id, ADVANCE_OWN_STAGE, version, at, stage, stage);
    }

    /**
     * Moves the person's own stage forward for another aggregate's event (a deal): no version to guard it, and none
     * needed — moving forward to a stage twice is moving once.
     */
    void advanceOwnStageFor(UUID id, String stage) {
        jdbc.write(row(id), "UPDATE identity.person SET " + ADVANCE_OWN_STAGE + " WHERE id = ?", stage, stage, id);
    }

    void markAccountRegistered(UUID id, long version, Instant at) {
        versioned(id, "own_has_account = true", version, at);
    }

    /** An event of the person's stream that changes nothing here still moves the row to its version. */
    void touch(UUID id, long version, Instant at) {
        versioned(id, null, version, at);
    }

    void setVendor(UUID id, boolean vendor, long version, Instant at) {
        versioned(id, "is_vendor = ?", version, at, vendor);
    }

    void markEmailVerified(UUID id, long version, Instant at) {
        versioned(id, "email_verified = true", version, at);
    }

    void markPhoneVerified(UUID id, long version, Instant at) {
        versioned(id, "phone_verified = true", version, at);
    }

    /** Applies a rename unless the row already reflects this event or a later one. */
    void rename(UUID id, String firstName, String lastName, long version, Instant at) {
        versioned(id, "first_name = ?, last_name = ?", version, at, firstName, lastName);
    }

    void changeNames(UUID id, String firstName, String lastName, String middleName, String displayName,
                     String avatarUrl, long version, Instant at) {
        versioned(id, "first_name = ?, last_name = ?, middle_name = ?, display_name = ?, avatar_url = ?", version, at,
                firstName, lastName, middleName, displayName, avatarUrl);
    }

    void changeEmail(UUID id, String email, long version, Instant at) {
        versioned(id, """
                email = ?, email_verified = false,
                secondary_emails = (SELECT coalesce(jsonb_agg(address), '[]'::jsonb)
                                    FROM jsonb_array_elements_text(secondary_emails) AS address
                                    WHERE lower(address) <> lower(?))""", version, at, email, email);
    }

    void changePhone(UUID id, String phone, long version, Instant at) {
        versioned(id, "phone = ?, phone_verified = false", version, at, phone);
    }

    /** {@code sourceDetails} is JSON text or {@code null}. */
    void changeSourceDetails(UUID id, String sourceDetails, long version, Instant at) {
        versioned(id, "source_details = cast(? AS jsonb)", version, at, sourceDetails);
    }

    /** The whole profile as a merge or unmerge decided it; JSON values as text. */
    void replaceProfile(UUID id, String email, boolean emailVerified, String secondaryEmails, String phone,
                        boolean phoneVerified, String firstName, String lastName, String middleName,
                        String displayName, String avatarUrl, String sourceDetails, long version, Instant at) {
        versioned(id, """
                email = ?, email_verified = ?, secondary_emails = cast(? AS jsonb), phone = ?, phone_verified = ?,
                first_name = ?, last_name = ?, middle_name = ?, display_name = ?, avatar_url = ?,
                source_details = cast(? AS jsonb)""", version, at, email, emailVerified, secondaryEmails, phone,
                phoneVerified, firstName, lastName, middleName, displayName, avatarUrl, sourceDetails);
    }

    void setMergedInto(UUID id, UUID survivorId, long version, Instant at) {
        versioned(id, "merged_into_id = ?", version, at, survivorId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM identity.person");
    }

    /**
     * {@code UPDATE identity.person SET <assignments>, version, updated_at WHERE id AND version < version}: the
     * event's change unless the row already reflects it or a later event.
     */
    private void versioned(UUID id, String assignments, long version, Instant at, Object... values) {
        Object[] arguments = new Object[values.length + 4];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = version;
        arguments[values.length + 1] = Timestamp.from(at);
        arguments[values.length + 2] = id;
        arguments[values.length + 3] = version;
        jdbc.write(row(id), "UPDATE identity.person SET " + (assignments == null ? "" : assignments + ", ")
                + "version = ?, updated_at = ? WHERE id = ? AND version < ?", arguments);
    }

    private static Footprint row(UUID id) {
        return Footprint.row(TABLE, id);
    }
}
