package io.unifiedcrm.identity.person.command;

import java.util.List;
import java.util.Map;

/**
 * What a merged source brought to the survivor: the profile fields it filled (name → value at the merge) and the
 * e-mail addresses it added. An unmerge gives back exactly these, where nobody changed them since.
 */
record AbsorbedPerson(Map<String, Object> filledFields, List<String> addedSecondaryEmails) {
}
