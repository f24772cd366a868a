package io.unifiedcrm.crm.activity.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A task was done; it completed at this event's timestamp. */
@Revision("1")
public record ActivityCompletedEvent(UUID activityId, UUID organizationId, String type, UUID personId, UUID dealId,
                                     UUID companyId) {
}
