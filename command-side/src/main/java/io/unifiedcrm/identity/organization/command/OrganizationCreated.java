package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Answer to creating an organization. {@code apiKey} is shown only here, once: store it. */
public record OrganizationCreated(UUID id, String name,
        @Schema(types = {"string", "null"}, description = "the secret, shown once; null in an answer replayed for the same "
                + "Idempotency-Key (header Idempotent-Withheld: apiKey): it is never kept") String apiKey,
        long version) {
}
