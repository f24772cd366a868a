package io.unifiedcrm.shared;

/**
 * A domain rule violation as it crosses the command bus (the details of Axon's {@code CommandExecutionException}),
 * so that it keeps its code and field even when the handler runs in another JVM.
 */
public record DomainErrorDetails(String code, String field, String message, String existingId) {

    public static DomainErrorDetails of(DomainRuleViolation violation) {
        return new DomainErrorDetails(violation.errorCode().code(), violation.field(), violation.getMessage(),
                violation.existingId());
    }

    public DomainRuleViolation toViolation() {
        return new DomainRuleViolation(ErrorCode.fromCode(code), field, message, existingId);
    }
}
