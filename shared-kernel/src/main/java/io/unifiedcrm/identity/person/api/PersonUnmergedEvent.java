package io.unifiedcrm.identity.person.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The survivor gave {@code sourcePersonId} back: its profile after the unmerge (fields the source filled and nobody
 * changed since are blank again) and the source's e-mail addresses it no longer holds.
 */
@Revision("1")
public record PersonUnmergedEvent(
        UUID personId,
        UUID organizationId,
        UUID sourcePersonId,
        PersonProfile profile,
        List<String> releasedEmails) {
}
