package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Points something earned a person ({@code personId}: the one asked for or a person merged into it); {@code sourceId}
 * is the event's identifier, or {@code deal:<id>}, {@code call:<id>}, {@code meeting:<id>} for what earns points
 * once per deal or activity.
 */
public record LeadScoreEntryView(UUID personId, String reason, int points, Instant occurredAt, String sourceId,
                                 String rulebookVersion) {
}
