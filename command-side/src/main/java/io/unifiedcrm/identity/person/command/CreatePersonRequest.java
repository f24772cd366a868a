package io.unifiedcrm.identity.person.command;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/persons}; {@code phone} and {@code source} are optional. */
public record CreatePersonRequest(
        @NotNull String email,
        @NotNull String firstName,
        @NotNull String lastName,
        String phone,
        String source) {
}
