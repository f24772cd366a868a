package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.unifiedcrm.infrastructure.idempotency.RetryableAnswer;
import io.unifiedcrm.infrastructure.ratelimit.ConcurrencyPerOrganization;
import io.unifiedcrm.shared.DomainErrorDetails;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become HTTP answers: every error is {@code application/problem+json} with a
 * stable {@code code} and the request's {@code correlationId}. Spring MVC's own errors (unknown route, wrong method
 * or media type) keep Spring's status and get a code; unreadable bodies say what was wrong and where; domain rule
 * violations — thrown here or carried back over the command bus as details — map by their kind; anything
 * unexpected is a 500 that reveals nothing of the server.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** PostgreSQL's query_canceled: a statement timeout (or a cancel) ended the statement. */
    private static final String STATEMENT_TIMED_OUT = "57014";

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<ProblemDetail> domainRuleViolation(DomainRuleViolation violation) {
        HttpStatus status = switch (violation.errorCode().kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        ProblemDetail problem = Problems.of(status, violation.errorCode().code(), violation.getMessage());
        if (violation.field() != null) {
            Problems.withErrors(problem, List.of(new Problems.FieldError(violation.field(), violation.getMessage())));
        }
        if (!violation.violations().isEmpty()) {
            Problems.withPointedErrors(problem, violation.violations());
        }
        if (violation.existingId() != null) {
            problem.setProperty("existingId", violation.existingId());
        }
        return respond(problem);
    }

    /** A command handler's failure as it comes back over the command bus. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandExecution(CommandExecutionException failure) {
        return failure.getDetails()
                .filter(DomainErrorDetails.class::isInstance)
                .map(DomainErrorDetails.class::cast)
                .map(details -> domainRuleViolation(details.toViolation()))
                .orElseGet(() -> unexpected(failure));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException notFound) {
        return domainRuleViolation(DomainRuleViolation.notFound());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException stale) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "version_mismatch",
                "The resource is at another version than If-Match names; read it again."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrentModification(ConcurrencyException conflict) {
        RetryableAnswer.mark();
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent_modification",
                "The resource was changed concurrently; retry."));
    }

    @ExceptionHandler(ConcurrencyPerOrganization.Exceeded.class)
    public ResponseEntity<ProblemDetail> tooManyAtOnce(ConcurrencyPerOrganization.Exceeded exceeded) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too_many_concurrent_requests",
                        exceeded.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException denied) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "The credential does not allow this operation."));
    }

    @ExceptionHandler(BadRequest.class)
    public ResponseEntity<ProblemDetail> badRequest(BadRequest badRequest) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, badRequest.code(), badRequest.getMessage());
        if (badRequest.field() != null) {
            Problems.withErrors(problem, List.of(new Problems.FieldError(badRequest.field(), badRequest.getMessage())));
        }
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        // a rule enforced while the unit of work commits (set-based validation) arrives wrapped by Axon
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation violation) {
                return domainRuleViolation(violation);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionTimedOutException
                    || cause instanceof SQLException sql && STATEMENT_TIMED_OUT.equals(sql.getSQLState())) {
                LOG.warn("A request's statement ran past its timeout: {}", cause.getMessage());
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "statement_timeout",
                                "The request took longer than its bound; retry it, or narrow it."));
            }
        }
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

    /** An unreadable body: say what is wrong with it, and where, without echoing its content. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = describeUnreadable(unreadable);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private static ProblemDetail describeUnreadable(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", tooLarge.getMessage());
            }
        }
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "input_limits_exceeded",
                        "The JSON is nested too deeply or holds a value that is too long.");
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return fieldProblem("unknown_property", unknown, "Unknown property; it is not part of this request.");
            }
            if (cause instanceof NulCharacterException nul) {
                return fieldProblem("invalid_characters", nul, "Text must not contain NUL characters.");
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatch.getPath().isEmpty()
                        ? Problems.of(HttpStatus.BAD_REQUEST, "invalid_body",
                                "The body must be one JSON object with this request's fields.")
                        : fieldProblem("invalid_type", mismatch, "Wrong type of value.");
            }
            if (cause instanceof JsonProcessingException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "malformed_json", "The body is not well-formed JSON.");
            }
        }
        String message = unreadable.getMessage() == null ? "" : unreadable.getMessage();
        return message.startsWith("Required request body is missing")
                ? Problems.of(HttpStatus.BAD_REQUEST, "missing_body", "The request needs a JSON body.")
                : Problems.of(HttpStatus.BAD_REQUEST, "malformed_request", "The body cannot be read.");
    }

    private static ProblemDetail fieldProblem(String code, JsonMappingException mapping, String message) {
        String field = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, code, message);
        return field.isEmpty() ? problem : Problems.withErrors(problem, List.of(new Problems.FieldError(field, message)));
    }

    /** Spring MVC's own exceptions: keep Spring's status and detail, add our code and correlation id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ProblemDetail original = body instanceof ProblemDetail problemDetail ? problemDetail : null;
        ProblemDetail problem = original != null && original.getProperties() != null
                && original.getProperties().containsKey("code")
                ? original
                : Problems.of(status, Problems.codeFor(status), original != null ? original.getDetail() : null);
        return new ResponseEntity<>(problem, headers, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
