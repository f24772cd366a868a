package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.shared.EmailAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge rule per field: the survivor's non-empty values win, the source fills the blanks, and the source's
 * e-mail addresses are kept as secondary addresses of the survivor. Pure, so a dry run and the merge agree.
 */
record Survivorship(PersonProfile merged, Map<String, Object> filledFields, List<String> addedSecondaryEmails) {

    static Survivorship of(PersonProfile survivor, PersonProfile source) {
        Map<String, Object> filled = new LinkedHashMap<>();
        String phone = fill("phone", survivor.phone(), source.phone(), filled);
        boolean phoneVerified = filled.containsKey("phone") ? source.phoneVerified() : survivor.phoneVerified();
        String middleName = fill("middleName", survivor.middleName(), source.middleName(), filled);
        String displayName = fill("displayName", survivor.displayName(), source.displayName(), filled);
        String avatarUrl = fill("avatarUrl", survivor.avatarUrl(), source.avatarUrl(), filled);
        Map<String, Object> sourceDetails = fill("sourceDetails", survivor.sourceDetails(), source.sourceDetails(),
                filled);

        Set<String> known = new HashSet<>();
        known.add(canonical(survivor.email()));
        survivor.secondaryEmails().forEach(email -> known.add(canonical(email)));
        List<String> added = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(source.email());
        candidates.addAll(source.secondaryEmails());
        for (String candidate : candidates) {
            if (known.add(canonical(candidate))) {
                added.add(candidate);
            }
        }
        List<String> secondaryEmails = new ArrayList<>(survivor.secondaryEmails());
        secondaryEmails.addAll(added);

        PersonProfile merged = new PersonProfile(survivor.email(), survivor.emailVerified(), secondaryEmails, phone,
                phoneVerified, survivor.firstName(), survivor.lastName(), middleName, displayName, avatarUrl,
                sourceDetails);
        return new Survivorship(merged, filled, added);
    }

    /**
     * The survivor's profile without what {@code absorbed} brought: a filled field nobody changed since is blank
     * again; a field changed after the merge stays with the survivor.
     */
    static PersonProfile withoutAbsorbed(PersonProfile current, AbsorbedPerson absorbed) {
        Map<String, Object> filled = absorbed.filledFields();
        String phone = unfill("phone", current.phone(), filled);
        List<String> secondaryEmails = new ArrayList<>(current.secondaryEmails());
        secondaryEmails.removeAll(absorbed.addedSecondaryEmails());
        return new PersonProfile(current.email(), current.emailVerified(), secondaryEmails, phone,
                phone != null && current.phoneVerified(), current.firstName(), current.lastName(),
                unfill("middleName", current.middleName(), filled),
                unfill("displayName", current.displayName(), filled),
                unfill("avatarUrl", current.avatarUrl(), filled),
                unfill("sourceDetails", current.sourceDetails(), filled));
    }

    private static <T> T fill(String field, T survivorValue, T sourceValue, Map<String, Object> filled) {
        if (survivorValue == null && sourceValue != null) {
            filled.put(field, sourceValue);
            return sourceValue;
        }
        return survivorValue;
    }

    private static <T> T unfill(String field, T currentValue, Map<String, Object> filled) {
        return filled.containsKey(field) && filled.get(field).equals(currentValue) ? null : currentValue;
    }

    private static String canonical(String email) {
        return EmailAddress.of(email).canonical();
    }
}
