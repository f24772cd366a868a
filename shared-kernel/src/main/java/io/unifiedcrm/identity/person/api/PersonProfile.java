package io.unifiedcrm.identity.person.api;

import java.util.List;
import java.util.Map;

/**
 * What a merge decides about a person: the contact details and names. Part of the merge events, so its fields are
 * as permanent as an event's. {@code secondaryEmails} are the addresses of persons merged into this one.
 */
public record PersonProfile(
        String email,
        boolean emailVerified,
        List<String> secondaryEmails,
        String phone,
        boolean phoneVerified,
        String firstName,
        String lastName,
        String middleName,
        String displayName,
        String avatarUrl,
        Map<String, Object> sourceDetails) {

    public PersonProfile {
        secondaryEmails = secondaryEmails == null ? List.of() : List.copyOf(secondaryEmails);
    }

    /** A new primary address, not verified; if it was one of the secondary addresses it is no longer one. */
    public PersonProfile withEmail(String newEmail) {
        String canonical = newEmail.toLowerCase(java.util.Locale.ROOT);
        return new PersonProfile(newEmail, false, secondaryEmails.stream()
                .filter(address -> !address.toLowerCase(java.util.Locale.ROOT).equals(canonical)).toList(), phone,
                phoneVerified, firstName, lastName, middleName, displayName, avatarUrl, sourceDetails);
    }

    public PersonProfile withEmailVerified() {
        return new PersonProfile(email, true, secondaryEmails, phone, phoneVerified, firstName, lastName,
                middleName, displayName, avatarUrl, sourceDetails);
    }

    public PersonProfile withPhone(String newPhone) {
        return new PersonProfile(email, emailVerified, secondaryEmails, newPhone, false, firstName, lastName,
                middleName, displayName, avatarUrl, sourceDetails);
    }

    public PersonProfile withPhoneVerified() {
        return new PersonProfile(email, emailVerified, secondaryEmails, phone, true, firstName, lastName,
                middleName, displayName, avatarUrl, sourceDetails);
    }

    public PersonProfile withNames(String first, String last, String middle, String display, String avatar) {
        return new PersonProfile(email, emailVerified, secondaryEmails, phone, phoneVerified, first, last, middle,
                display, avatar, sourceDetails);
    }

    public PersonProfile withSourceDetails(Map<String, Object> details) {
        return new PersonProfile(email, emailVerified, secondaryEmails, phone, phoneVerified, firstName, lastName,
                middleName, displayName, avatarUrl, details);
    }
}
