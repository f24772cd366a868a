package io.unifiedcrm.identity.person.api;

import java.util.UUID;

/** Undoes the merge of {@code sourcePersonId} into {@code personId}; answered with the survivor's version. */
public record UnmergePersonsCommand(UUID personId, UUID organizationId, UUID sourcePersonId, Long expectedVersion) {
}
