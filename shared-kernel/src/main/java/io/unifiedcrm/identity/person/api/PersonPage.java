package io.unifiedcrm.identity.person.api;

import java.util.List;

/** One page of persons; {@code hasMore} when more follow the last one. */
public record PersonPage(List<PersonView> items, boolean hasMore) {
}
