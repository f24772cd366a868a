package io.unifiedcrm.search.projection;

import io.unifiedcrm.search.api.SearchType;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code system.search_document} as its builders compute it from the entity's state ({@code source}): a pure
 * function of that state, so a replay writes the same row.
 *
 * @param status    {@code active} (found) or {@code archived}, {@code deleted}, {@code merged}, {@code unsearchable}
 * @param fuzzyText the names a query is compared with by trigram similarity (folded by the database)
 * @param exactKeys lower-case identifiers an exact query ranks first: e-mail addresses, SKU, domain, unique value
 */
record SearchDocument(SearchType type, UUID id, UUID organizationId, String objectType, String status, String title,
                      String subtitle, List<SearchField> fields, String fuzzyText, List<String> exactKeys,
                      Object source, long version) {

    static final String ACTIVE = "active";

    /** Lower case, without blanks and duplicates, sorted. */
    static List<String> keys(Collection<String> values) {
        return values.stream().filter(Objects::nonNull).map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).distinct().sorted().toList();
    }

    /** The non-blank parts joined by a space. */
    static String joined(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return text.toString();
    }
}
