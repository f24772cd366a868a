package io.unifiedcrm.shared;

/**
 * Thrown by value objects and aggregates when a command breaks a rule of the domain.
 * Carries a stable {@link ErrorCode} and, when one input field is to blame, that field's name.
 */
public class DomainRuleViolation extends RuntimeException {

    private final ErrorCode errorCode;
    private final String field;

    public DomainRuleViolation(ErrorCode errorCode, String field, String message) {
        super(message);
        this.errorCode = errorCode;
        this.field = field;
    }

    /** The not-found answer: identical for a missing resource and for another organization's. */
    public static DomainRuleViolation notFound() {
        return new DomainRuleViolation(ErrorCode.NOT_FOUND, null, "The resource does not exist.");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The offending input field, or {@code null} when the violation is not about one field. */
    public String field() {
        return field;
    }
}
