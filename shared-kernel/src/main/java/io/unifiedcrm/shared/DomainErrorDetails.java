package io.unifiedcrm.shared;

import java.util.List;

/**
 * A domain rule violation as it crosses the command bus (the details of Axon's {@code CommandExecutionException}),
 * so that it keeps its code and field even when the handler runs in another JVM.
 */
public record DomainErrorDetails(String code, String field, String message, String existingId,
                                 List<DomainRuleViolation.Violation> violations) {

    public static DomainErrorDetails of(DomainRuleViolation violation) {
        return new DomainErrorDetails(violation.errorCode().code(), violation.field(), violation.getMessage(),
                violation.existingId(), violation.violations());
    }

    public DomainRuleViolation toViolation() {
        ErrorCode errorCode = ErrorCode.fromCode(code);
        return violations == null || violations.isEmpty()
                ? new DomainRuleViolation(errorCode, field, message, existingId)
                : new DomainRuleViolation(errorCode, message, violations);
    }
}
