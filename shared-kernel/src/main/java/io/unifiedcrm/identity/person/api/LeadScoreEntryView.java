package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

/** Points an event earned a person ({@code personId}: a person merged into the one asked for, or that one). */
public record LeadScoreEntryView(UUID personId, String reason, int points, Instant occurredAt, String eventId,
                                 String rulebookVersion) {
}
