package io.unifiedcrm.identity.person.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The survivor took over {@code sourcePersonId}: its profile after the merge and the profile fields the source
 * filled ({@code filledFromSource}, by field name). The source's addresses, orders, deals and records now show here.
 */
@Revision("1")
public record PersonMergedEvent(
        UUID personId,
        UUID organizationId,
        UUID sourcePersonId,
        PersonProfile profile,
        List<String> filledFromSource,
        List<String> addedSecondaryEmails) {
}
