package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Body of {@code PATCH /api/v1/organizations/{id}}: the parts to change; absent parts stay as they are. */
public record OrganizationPatchRequest(
        @Schema(example = "Acme Holding GmbH", maxLength = 200) String name,
        @Schema(example = "{\"timezone\": \"Europe/Berlin\", \"locale\": \"de-DE\"}",
                description = "a JSON object of up to 64 KiB; replaces the current settings") Map<String, Object> settings) {
}
