package io.unifiedcrm.crm.deal.api;

import io.unifiedcrm.shared.FieldChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a deal with JSON merge-patch semantics: a {@code null} part stays as it is, a {@link FieldChange} sets or
 * removes it (not the name). The amount of a closed deal does not change (reopen it first).
 */
public record ChangeDealCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId,
                                FieldChange<String> name, FieldChange<BigDecimal> amount, String amountCurrency,
                                FieldChange<LocalDate> closeDate, FieldChange<UUID> ownerId,
                                FieldChange<UUID> personId, FieldChange<UUID> companyId,
                                @TargetAggregateVersion Long expectedVersion) {
}
