package io.unifiedcrm.shared;

import java.util.List;
import java.util.Map;

/**
 * Where exactly a person came from, as a free JSON object (campaign, form, referrer...): at most 50 members at the
 * top level, 8 levels deep and 16,384 characters in all: keys and values as JSON writes them ({@code null} and
 * {@code true} count 4 characters) plus one per member or array element, so nulls, empty keys and empty strings
 * cannot carry an unbounded structure past the limit. Changed with JSON merge patch (RFC 7396).
 */
public final class SourceDetails {

    static final int MAX_MEMBERS = 50;
    static final int MAX_DEPTH = 8;
    static final int MAX_CHARACTERS = 16_384;

    private SourceDetails() {
    }

    /** The details as given, checked; {@code null} or an empty object means none. */
    public static Map<String, Object> of(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        if (details.size() > MAX_MEMBERS) {
            throw invalid("sourceDetails may have at most " + MAX_MEMBERS + " members.");
        }
        if (sizeOf(details, 1) > MAX_CHARACTERS) {
            throw invalid("sourceDetails may hold at most " + MAX_CHARACTERS + " characters of JSON.");
        }
        return details;
    }

    /** RFC 7396: members of {@code patch} replace those of {@code current}; a {@code null} member removes one. */
    public static Map<String, Object> mergePatch(Map<String, Object> current, Map<String, Object> patch) {
        return of(JsonMergePatch.apply(current, patch));
    }

    private static int sizeOf(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("sourceDetails may be nested at most " + MAX_DEPTH + " levels deep.");
        }
        if (value instanceof Map<?, ?> map) {
            int size = 0;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                size += 1 + String.valueOf(member.getKey()).length() + sizeOf(member.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof List<?> list) {
            int size = 0;
            for (Object element : list) {
                size += 1 + sizeOf(element, depth + 1);
            }
            return size;
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            throw invalid("sourceDetails may hold only finite numbers.");
        }
        return String.valueOf(value).length();
    }

    private static DomainRuleViolation invalid(String message) {
        return new DomainRuleViolation(ErrorCode.INVALID_SOURCE_DETAILS, "sourceDetails", message);
    }
}
