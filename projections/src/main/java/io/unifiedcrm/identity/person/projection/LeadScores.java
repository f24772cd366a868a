package io.unifiedcrm.identity.person.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The lead score's history ({@code identity.lead_score_entry}): the points something earned a person, recorded once
 * per source — the event's identifier, or the deal or activity for what earns points once per deal or activity —
 * before the flags are recomputed from the sum.
 */
@Component
class LeadScores {

    static final String TABLE = "identity.lead_score_entry";

    private final ReadModelJdbc jdbc;

    LeadScores(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    void award(String sourceId, UUID personId, UUID organizationId, LeadScoreReason reason, Instant at) {
        jdbc.write(Footprint.row(TABLE, List.of(sourceId, personId)), """
                        INSERT INTO identity.lead_score_entry (source_id, person_id, organization_id, reason, points,
                                                               occurred_at, rulebook_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                sourceId, personId, organizationId, reason.code(), reason.points(), Timestamp.from(at),
                PersonFlagsRulebook.VERSION);
    }

    void reset() {
        jdbc.update("DELETE FROM identity.lead_score_entry");
    }
}
