package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/persons/{id}}: the fields to change; absent fields stay as they are. */
public record PersonPatchRequest(
        @Schema(example = "Augusta", maxLength = 100) String firstName,
        @Schema(example = "King", maxLength = 100) String lastName) {
}
