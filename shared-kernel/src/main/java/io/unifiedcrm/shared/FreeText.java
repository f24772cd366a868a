package io.unifiedcrm.shared;

/**
 * Optional free text such as a job title or a note's body: trimmed at both ends, blank means absent
 * ({@code null}), at most a number of characters (code points).
 */
public final class FreeText {

    private FreeText() {
    }

    /** @throws DomainRuleViolation {@link ErrorCode#TEXT_TOO_LONG} naming {@code field} when longer */
    public static String of(String field, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new DomainRuleViolation(ErrorCode.TEXT_TOO_LONG, field,
                    field + " is at most " + maxLength + " characters.");
        }
        return trimmed;
    }
}
