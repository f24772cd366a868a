package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset paging of every list: {@code limit} (default 50, at most 200; anything else is a 400) and an opaque
 * {@code cursor} that holds the sort key of the last item of the previous page.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> KEY = new TypeReference<>() {
    };

    private Paging() {
    }

    /** The page size asked for, checked. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new BadRequest("invalid_limit", "limit", "limit is between 1 and " + MAX_LIMIT + ".");
        }
        return requested;
    }

    /** The cursor after an item with this sort key. */
    public static String cursorAfter(List<String> sortKey) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(sortKey));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sort key of lists in creation order: (created at, id); both {@code null} before the first page. */
    public record CreatedOrderKey(java.time.Instant createdAt, java.util.UUID id) {
    }

    /** The creation-order key a cursor holds ({@code null} parts for no cursor). */
    public static CreatedOrderKey createdOrderKeyOf(String cursor) {
        List<String> key = sortKeyOf(cursor, 2);
        return key == null ? new CreatedOrderKey(null, null) : new CreatedOrderKey(instantAt(key, 0), uuidAt(key, 1));
    }

    /** The cursor after the last item of a page in creation order, or {@code null} when no page follows. */
    public static <T> String nextCursorInCreatedOrder(List<T> items, boolean hasMore,
                                                      java.util.function.Function<T, java.time.Instant> createdAt,
                                                      java.util.function.Function<T, java.util.UUID> id) {
        if (!hasMore || items.isEmpty()) {
            return null;
        }
        T last = items.get(items.size() - 1);
        return cursorAfter(List.of(createdAt.apply(last).toString(), id.apply(last).toString()));
    }

    /** A cursor's sort key part that is a whole number. */
    public static int intAt(List<String> sortKey, int index) {
        try {
            return Integer.parseInt(sortKey.get(index));
        } catch (NumberFormatException notANumber) {
            throw invalidCursor();
        }
    }

    /** A cursor's sort key part that is an id. */
    public static java.util.UUID uuidAt(List<String> sortKey, int index) {
        try {
            return java.util.UUID.fromString(sortKey.get(index));
        } catch (IllegalArgumentException notAnId) {
            throw invalidCursor();
        }
    }

    /** A cursor's sort key part that is a timestamp. */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("-4712-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("+294275-12-31T23:59:59Z");

    public static java.time.Instant instantAt(List<String> sortKey, int index) {
        try {
            java.time.Instant at = java.time.Instant.parse(sortKey.get(index));
            // PostgreSQL's timestamptz ends in the year 294276: a later cursor was never handed out
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw invalidCursor();
            }
            return at;
        } catch (java.time.format.DateTimeParseException notATimestamp) {
            throw invalidCursor();
        }
    }

    private static BadRequest invalidCursor() {
        return new BadRequest("invalid_cursor", "cursor", "The cursor is not one this API handed out.");
    }

    /** The sort key a cursor holds, or {@code null} for no cursor (the first page). */
    public static List<String> sortKeyOf(String cursor, int keyLength) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            List<String> key = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
                    KEY);
            if (key.size() != keyLength || key.contains(null)) {
                throw new IllegalArgumentException("wrong key length");
            }
            return key;
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            throw invalidCursor();
        }
    }
}
