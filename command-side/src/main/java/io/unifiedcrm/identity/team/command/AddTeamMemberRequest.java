package io.unifiedcrm.identity.team.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/teams/{teamId}/members}: a person of the caller's organization. */
public record AddTeamMemberRequest(
        @NotNull @Schema(example = "0b9f4c1e-6a7d-4f5e-9c1a-2f3e4d5c6b7a") UUID personId) {
}
