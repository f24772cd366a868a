package io.unifiedcrm.identity.person.api;

import java.util.List;
import java.util.UUID;

/**
 * The survivor's profile after a merge (or after the merge a dry run describes), the fields the source filled
 * and the survivor's version (unchanged by a dry run).
 */
public record PersonMergeResult(UUID personId, UUID sourcePersonId, PersonProfile profile,
                                List<String> filledFromSource, long version, boolean dryRun) {
}
