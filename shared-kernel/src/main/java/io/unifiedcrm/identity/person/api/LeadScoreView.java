package io.unifiedcrm.identity.person.api;

import java.util.List;
import java.util.UUID;

/**
 * A person's lead score with its history: the points each event earned the person and everybody merged into it,
 * newest first (the latest {@code 200}; {@code leadScore} counts them all).
 */
public record LeadScoreView(UUID personId, int leadScore, String rulebookVersion, List<LeadScoreEntryView> entries) {
}
