package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's activities in the 360: how many there are and the latest by when they happened. */
public record PersonActivities(long count, List<Activity> recent) {

    /** One activity as the 360 lists it. */
    public record Activity(UUID id, String type, String subject, Instant occurredAt, boolean completed,
                           UUID dealId) {
    }
}
