package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Writes the timeline's rows: entries, idempotent by (event, person), and subjects — what later events need of earlier
 * ones (a record's, deal's or activity's person, the names summaries show), idempotent by the aggregate's sequence
 * number. Read and written only by the handlers of the {@code timeline} group.
 */
@Component
class Timeline {

    static final String ENTRIES = "system.timeline_entry";
    static final String SUBJECTS = "system.timeline_subject";
    private static final int MAX_NAME_LENGTH = 80;
    /** Subjects as they are once the batch's pending writes are applied (absent: known to have no row). */
    private static final String KNOWN_SUBJECTS = "timeline.knownSubjects";
    /** Subjects written in the batch whose outcome is not known without reading them. */
    private static final String UNKNOWN_SUBJECTS = "timeline.unknownSubjects";

    private final ReadModelJdbc jdbc;

    Timeline(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry of {@code type} ({@code <category>.<what happened>}) for a person; none without a person. */
    void add(Occurrence occurrence, UUID organizationId, UUID personId, String type, UUID aggregateId,
             String summary, Details details) {
        if (personId == null) {
            return;
        }
        jdbc.write(Footprint.row(ENTRIES, List.of(occurrence.eventId(), personId)), """
                        INSERT INTO system.timeline_entry (event_id, person_id, organization_id, occurred_at,
                            event_position, category, type, aggregate_id, summary, details, actor, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING""",
                occurrence.eventId(), personId, organizationId, Timestamp.from(occurrence.at()),
                occurrence.position(), type.substring(0, type.indexOf('.')), type, aggregateId, summary,
                details.json(), occurrence.actor(), occurrence.correlationId());
    }

    /** The entry for a person and, when another, for a second one (e.g. the person a deal was taken from). */
    void add(Occurrence occurrence, UUID organizationId, UUID personId, UUID otherPersonId, String type,
             UUID aggregateId, String summary, Details details) {
        add(occurrence, organizationId, personId, type, aggregateId, summary, details);
        if (!Objects.equals(personId, otherPersonId)) {
            add(occurrence, organizationId, otherPersonId, type, aggregateId, summary, details);
        }
    }

    /** Stores a subject as it is after the event with {@code version} (a later version already stored wins). */
    void remember(Subject subject, long version) {
        Map<UUID, Known> known = jdbc.batchCache(KNOWN_SUBJECTS);
        Known before = known.get(subject.id());
        if (before == null) {
            jdbc.<UUID, Boolean>batchCache(UNKNOWN_SUBJECTS).put(subject.id(), true);
        } else if (before.version() < version) {
            known.put(subject.id(), new Known(subject, version));
        }
        jdbc.write(Footprint.row(SUBJECTS, subject.id()), """
                        INSERT INTO system.timeline_subject (id, organization_id, kind, person_id, name, subtype,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, name = excluded.name,
                            subtype = excluded.subtype, version = excluded.version
                        WHERE timeline_subject.version < excluded.version""",
                subject.id(), subject.organizationId(), subject.kind(), subject.personId(), subject.name(),
                subject.subtype(), version);
    }

    /**
     * A subject of the organization, or {@code null} when none is known. What the batch wrote is read from memory
     * where its outcome is known; other subjects are read without sending the batch's pending writes first, unless
     * one of them is for this subject.
     */
    Subject subject(UUID organizationId, UUID id) {
        if (id == null) {
            return null;
        }
        Map<UUID, Known> known = jdbc.batchCache(KNOWN_SUBJECTS);
        Known subject = known.get(id);
        if (subject == null) {
            Map<UUID, Boolean> unknown = jdbc.batchCache(UNKNOWN_SUBJECTS);
            if (unknown.containsKey(id)) {
                jdbc.flush();
                unknown.clear();
            }
            subject = jdbc.queryUntouched("""
                            SELECT id, organization_id, kind, person_id, name, subtype, version
                            FROM system.timeline_subject WHERE id = ?""",
                    (row, index) -> new Known(new Subject(row.getObject("id", UUID.class),
                            row.getObject("organization_id", UUID.class), row.getString("kind"),
                            row.getObject("person_id", UUID.class), row.getString("name"), row.getString("subtype")),
                            row.getLong("version")),
                    id).stream().findFirst().orElse(Known.ABSENT);
            known.put(id, subject);
        }
        return subject.subject() != null && subject.subject().organizationId().equals(organizationId)
                ? subject.subject() : null;
    }

    /** A subject as stored with its version; {@link #ABSENT} when there is no row. */
    private record Known(Subject subject, long version) {

        static final Known ABSENT = new Known(null, Long.MIN_VALUE);
    }

    /** The name of a subject, quoted for a summary (shortened when long), or {@code fallback} when none is known. */
    String quotedName(UUID organizationId, UUID id, String fallback) {
        Subject subject = subject(organizationId, id);
        return subject == null || subject.name() == null ? fallback : quoted(subject.name());
    }

    static String quoted(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH - 1) + "…";
        return "“" + shown + "”";
    }

    /** Money for a summary: in the currency's minor unit, e.g. {@code 28.19 EUR}. */
    static String money(Money money) {
        if (money == null || money.amount() == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // keep two places
        }
        BigDecimal plain = money.amount().stripTrailingZeros();
        return (plain.scale() < digits ? plain.setScale(digits) : plain).toPlainString() + " " + money.currency();
    }

    void reset() {
        jdbc.update("DELETE FROM system.timeline_entry");
        jdbc.update("DELETE FROM system.timeline_subject");
    }

    /** Something later events refer to: {@code kind} person, deal, activity, record or stage. */
    record Subject(UUID id, UUID organizationId, String kind, UUID personId, String name, String subtype) {
    }
}
