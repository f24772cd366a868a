package io.unifiedcrm.shared;

/**
 * What kind of rule a {@link DomainRuleViolation} broke; the REST layer maps each kind to one HTTP status.
 */
public enum ErrorKind {
    /** The input is well-formed but breaks a rule of the domain (HTTP 422). */
    INVALID,
    /** The resource does not exist for the caller's organization (HTTP 404). */
    NOT_FOUND,
    /** The request conflicts with the current state (HTTP 409). */
    CONFLICT,
    /** The client's precondition (If-Match version) no longer holds (HTTP 412). */
    PRECONDITION_FAILED,
    /** The input is larger than the domain allows (HTTP 413). */
    TOO_LARGE
}
