package io.unifiedcrm.identity.team.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/teams}. */
public record CreateTeamRequest(@NotNull @Schema(example = "Enterprise sales", maxLength = 200) String name) {
}
