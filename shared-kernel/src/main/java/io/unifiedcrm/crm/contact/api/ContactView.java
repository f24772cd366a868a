package io.unifiedcrm.crm.contact.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The CRM extension of a person (seed crm.contact). {@code lastContactedAt} and the last purchase come from the
 * activities of the person and of everybody merged into it; {@code recordId} is the person's {@code contact} record
 * (custom properties), if there is one; {@code version} is the person's version at the contact's last change.
 */
public record ContactView(UUID personId, String leadStatus, String leadSource, String jobTitle, String department,
                          UUID companyId, UUID ownerId, Instant nextFollowUp, Instant lastContactedAt,
                          Instant lastPurchaseAt, Money lastPurchaseAmount, UUID recordId, Instant createdAt,
                          Instant updatedAt, long version) {
}
