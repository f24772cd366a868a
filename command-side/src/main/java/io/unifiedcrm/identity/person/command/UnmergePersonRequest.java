package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/persons/{id}/unmerge}: the person merged into this one to give back. */
public record UnmergePersonRequest(
        @NotNull @Schema(example = "7d3c8a4e-5f7b-4c1e-9a52-2f4b1e6c9d01") UUID sourcePersonId) {
}
