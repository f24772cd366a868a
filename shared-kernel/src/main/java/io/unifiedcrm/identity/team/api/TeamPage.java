package io.unifiedcrm.identity.team.api;

import java.util.List;

/** One page of teams; {@code hasMore} when more follow the last one. */
public record TeamPage(List<TeamView> items, boolean hasMore) {
}
