package io.unifiedcrm.shared;

/** A non-blank, trimmed piece of text with a maximum length, such as a name. */
public record RequiredText(String value) {

    public RequiredText {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    /**
     * Trims {@code raw} and checks it is present and at most {@code maxLength} characters long.
     *
     * @throws DomainRuleViolation with {@link ErrorCode#INVALID_NAME} naming {@code field} otherwise
     */
    public static RequiredText of(String field, String raw, int maxLength) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_NAME, field, field + " must not be blank.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new DomainRuleViolation(ErrorCode.INVALID_NAME, field,
                    field + " must be at most " + maxLength + " characters.");
        }
        return new RequiredText(trimmed);
    }
}
