package io.unifiedcrm.infrastructure.web;

import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become HTTP answers: every error is {@code application/problem+json} with a
 * stable {@code code} and the request's {@code correlationId}. Spring MVC's own errors (malformed JSON, unknown
 * route, wrong method or media type) get their Spring-provided status plus a code; domain rule violations map by
 * their kind; anything unexpected is a 500 that reveals nothing of the server.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<ProblemDetail> domainRuleViolation(DomainRuleViolation violation) {
        HttpStatus status = switch (violation.errorCode().kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = Problems.of(status, violation.errorCode().code(), violation.getMessage());
        if (violation.field() != null) {
            Problems.withErrors(problem, List.of(new Problems.FieldError(violation.field(), violation.getMessage())));
        }
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException notFound) {
        return domainRuleViolation(DomainRuleViolation.notFound());
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrentModification(ConcurrencyException conflict) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent_modification",
                "The resource was changed concurrently; retry."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException denied) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "The credential does not allow this operation."));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        LOG.error("Unexpected error", exception);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred; quote the correlationId when reporting it."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_request",
                "The request has missing or invalid fields.");
        Problems.withErrors(problem, invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList());
        return new ResponseEntity<>(problem, headers, HttpStatus.BAD_REQUEST);
    }

    /** Spring MVC's own exceptions: keep Spring's status and detail, add our code and correlation id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ProblemDetail original = body instanceof ProblemDetail problemDetail ? problemDetail : null;
        ProblemDetail problem = original != null && original.getProperties() != null
                && original.getProperties().containsKey("code")
                ? original
                : Problems.of(status, codeFor(status), original != null ? original.getDetail() : null);
        return new ResponseEntity<>(problem, headers, status);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status.value();
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
