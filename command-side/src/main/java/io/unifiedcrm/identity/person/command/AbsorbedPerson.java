package io.unifiedcrm.identity.person.command;

import java.util.List;
import java.util.Map;

/**
 * What a merged source brought to the survivor: the profile fields it filled (name → value at the merge) and the
 * e-mail addresses it added. An unmerge gives back exactly these, where nobody changed them since.
 */
record AbsorbedPerson(Map<String, Object> filledFields, List<String> addedSecondaryEmails) {

    /** What the source brought, less an address the survivor has made its primary one (it stays the survivor's). */
    AbsorbedPerson without(String promotedEmail) {
        String canonical = promotedEmail.toLowerCase(java.util.Locale.ROOT);
        return new AbsorbedPerson(filledFields, addedSecondaryEmails.stream()
                .filter(address -> !address.toLowerCase(java.util.Locale.ROOT).equals(canonical)).toList());
    }
}
