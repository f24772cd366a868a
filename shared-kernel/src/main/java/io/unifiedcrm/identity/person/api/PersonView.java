package io.unifiedcrm.identity.person.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.unifiedcrm.address.api.AddressView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person as the API shows it. {@code mergedIntoId} is set on a person merged into another (a tombstone);
 * {@code addresses} (the person's and those of persons merged into them) only in the single-person read.
 */
public record PersonView(
        UUID id,
        String email,
        boolean emailVerified,
        List<String> secondaryEmails,
        String firstName,
        String lastName,
        String middleName,
        String displayName,
        String avatarUrl,
        String phone,
        boolean phoneVerified,
        String source,
        Map<String, Object> sourceDetails,
        PersonFlagsView flags,
        UUID mergedIntoId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AddressView> addresses,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public PersonView withAddresses(List<AddressView> personAddresses) {
        return new PersonView(id, email, emailVerified, secondaryEmails, firstName, lastName, middleName, displayName,
                avatarUrl, phone, phoneVerified, source, sourceDetails, flags, mergedIntoId, personAddresses, version,
                createdAt, updatedAt);
    }
}
