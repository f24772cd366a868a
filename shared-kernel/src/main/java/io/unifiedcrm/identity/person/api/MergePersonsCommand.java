package io.unifiedcrm.identity.person.api;

import java.util.UUID;

/**
 * Merges {@code sourcePersonId} into {@code personId} (the survivor) in one transaction, or with {@code dryRun}
 * only answers the {@link PersonMergeResult} it would produce. Answered with a {@link PersonMergeResult}.
 */
public record MergePersonsCommand(
        UUID personId,
        UUID organizationId,
        UUID sourcePersonId,
        boolean dryRun,
        Long expectedVersion) {
}
