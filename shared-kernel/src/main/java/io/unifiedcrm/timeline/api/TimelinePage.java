package io.unifiedcrm.timeline.api;

import java.util.List;

/**
 * One page of a timeline, newest first, and whether another follows; {@code lastPosition} is the stream position of
 * the page's last entry (with its {@code occurredAt} the key of the next page), {@code null} for an empty page.
 */
public record TimelinePage(List<TimelineEntryView> items, boolean hasMore, Long lastPosition) {
}
