package io.unifiedcrm.shared;

/** Optional free text such as a middle name: trimmed, blank means absent ({@code null}), at most a length. */
public final class OptionalText {

    private OptionalText() {
    }

    /** @throws DomainRuleViolation with {@link ErrorCode#INVALID_NAME} naming {@code field} when too long */
    public static String of(String field, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new DomainRuleViolation(ErrorCode.INVALID_NAME, field,
                    field + " must be at most " + maxLength + " characters.");
        }
        return trimmed;
    }
}
