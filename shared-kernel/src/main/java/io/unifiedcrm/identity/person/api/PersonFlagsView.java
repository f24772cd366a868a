package io.unifiedcrm.identity.person.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The computed flags of a person (ARCHITECTURE §6), derived from events by the versioned rulebook named in
 * {@code rulebookVersion}. {@code lastActivityAt} stays null until the CRM records activities.
 */
public record PersonFlagsView(
        String lifecycleStage,
        boolean lifecycleStageExplicit,
        boolean isLead,
        boolean isCustomer,
        boolean hasOrdered,
        boolean hasAccount,
        boolean isVendor,
        int leadScore,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal customerValue,
        Instant lastActivityAt,
        String rulebookVersion) {
}
