package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

public record PersonView(
        UUID id,
        String email,
        boolean emailVerified,
        String firstName,
        String lastName,
        String phone,
        boolean phoneVerified,
        String source,
        PersonFlagsView flags,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
