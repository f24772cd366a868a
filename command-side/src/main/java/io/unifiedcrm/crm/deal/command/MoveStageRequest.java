package io.unifiedcrm.crm.deal.command;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/deals/{id}/stage}; ARCHITECTURE §5 names the stage {@code stage}, also accepted. */
public record MoveStageRequest(
        @NotNull @JsonAlias("stage") @Schema(example = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a",
                description = "a stage of the deal's pipeline (also accepted as `stage`); a won stage wins the deal, "
                        + "a lost stage loses it")
        UUID stageId,
        @Schema(example = "Went with a competitor", maxLength = 500,
                description = "required when the stage is a lost stage (closed, not won)") String lostReason) {
}
