package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

public record PersonView(
        UUID id,
        String email,
        String firstName,
        String lastName,
        String phone,
        String source,
        PersonFlagsView flags,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
