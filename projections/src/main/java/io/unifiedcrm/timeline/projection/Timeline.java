package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the timeline's rows: entries, idempotent by (event, person), and subjects — what later events need of earlier
 * ones (a record's, deal's or activity's person, the names summaries show), idempotent by the aggregate's sequence
 * number. Read and written only by the handlers of the {@code timeline} group.
 */
@Component
class Timeline {

    private static final int MAX_NAME_LENGTH = 80;

    private final JdbcTemplate jdbc;

    Timeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry of {@code type} ({@code <category>.<what happened>}) for a person; none without a person. */
    void add(Occurrence occurrence, UUID organizationId, UUID personId, String type, UUID aggregateId,
             String summary, Details details) {
        if (personId == null) {
            return;
        }
        jdbc.update("""
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
        jdbc.update("""
                        INSERT INTO system.timeline_subject (id, organization_id, kind, person_id, name, subtype,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, name = excluded.name,
                            subtype = excluded.subtype, version = excluded.version
                        WHERE timeline_subject.version < excluded.version""",
                subject.id(), subject.organizationId(), subject.kind(), subject.personId(), subject.name(),
                subject.subtype(), version);
    }

    /** A subject of the organization, or {@code null} when none is known. */
    Subject subject(UUID organizationId, UUID id) {
        if (id == null) {
            return null;
        }
        return jdbc.query("""
                        SELECT id, organization_id, kind, person_id, name, subtype FROM system.timeline_subject
                        WHERE id = ? AND organization_id = ?""",
                (row, index) -> new Subject(row.getObject("id", UUID.class),
                        row.getObject("organization_id", UUID.class), row.getString("kind"),
                        row.getObject("person_id", UUID.class), row.getString("name"), row.getString("subtype")),
                id, organizationId).stream().findFirst().orElse(null);
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
