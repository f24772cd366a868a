package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/persons/{id}}: the fields to change; absent (or null) fields stay as they are. */
public record PersonPatchRequest(
        @Schema(example = "Augusta", maxLength = 100) String firstName,
        @Schema(example = "King", maxLength = 100) String lastName,
        @Schema(example = "false", description = "whether the person is a vendor (supplier)") Boolean vendor,
        @Schema(example = "lead", allowableValues = {"visitor", "lead", "customer", "evangelist"},
                description = "sets the lifecycle stage explicitly, overriding the computed one") String lifecycleStage) {
}
