package io.unifiedcrm.shared;

import java.util.List;

/**
 * Thrown by value objects and aggregates when a command breaks a rule of the domain.
 * Carries a stable {@link ErrorCode} and, when one input field is to blame, that field's name.
 */
public class DomainRuleViolation extends RuntimeException {

    private final ErrorCode errorCode;
    private final String field;
    private final String existingId;
    private final List<Violation> violations;

    /** One of several input errors, located by a JSON pointer into the request body (RFC 6901). */
    public record Violation(String pointer, String message) {
    }

    public DomainRuleViolation(ErrorCode errorCode, String field, String message) {
        this(errorCode, field, message, null);
    }

    /** @param existingId the resource a conflict is with (e.g. the person who has the e-mail address), or null */
    public DomainRuleViolation(ErrorCode errorCode, String field, String message, String existingId) {
        this(errorCode, field, message, existingId, List.of());
    }

    /** A violation of several rules at once, e.g. every way a record's properties break its schema. */
    public DomainRuleViolation(ErrorCode errorCode, String message, List<Violation> violations) {
        this(errorCode, null, message, null, violations);
    }

    private DomainRuleViolation(ErrorCode errorCode, String field, String message, String existingId,
                                List<Violation> violations) {
        super(message);
        this.errorCode = errorCode;
        this.field = field;
        this.existingId = existingId;
        this.violations = List.copyOf(violations);
    }

    /** The not-found answer: identical for a missing resource and for another organization's. */
    public static DomainRuleViolation notFound() {
        return new DomainRuleViolation(ErrorCode.NOT_FOUND, null, "The resource does not exist.");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The id of the resource the request conflicts with, or {@code null}. */
    public String existingId() {
        return existingId;
    }

    /** Each input error with its JSON pointer; empty unless the violation names several. */
    public List<Violation> violations() {
        return violations;
    }

    /** The offending input field, or {@code null} when the violation is not about one field. */
    public String field() {
        return field;
    }
}
