package io.unifiedcrm.timeline.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of a person's timeline (with everybody merged into them), newest first by (occurredAt, stream position),
 * after the key of the previous page's last entry ({@code null}s for the first page); {@code categories} empty for
 * all. Answered with an {@code Optional<TimelinePage>}: empty for a missing person or another organization's.
 */
public record FindTimelineQuery(UUID organizationId, UUID personId, List<String> categories,
                                Instant beforeOccurredAt, Long beforePosition, int limit) {
}
