package io.unifiedcrm.crm.activity.api;

import java.util.UUID;

/** Answered with an {@code Optional<ActivityView>}; another organization's activity is not found. */
public record FindActivityQuery(UUID organizationId, UUID activityId) {
}
