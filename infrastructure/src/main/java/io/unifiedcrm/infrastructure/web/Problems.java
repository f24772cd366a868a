package io.unifiedcrm.infrastructure.web;

import java.net.URI;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error body of the API: RFC 9457 problem details with a stable {@code code}, the request's
 * {@code correlationId} and, for input errors, {@code errors[]} naming each offending field.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://unifiedcrm.io/problems/" + code.replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        problem.setProperty("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "pointer", "/" + error.field().replace('.', '/'),
                        "message", error.message()))
                .toList());
        return problem;
    }

    /** Errors located by JSON pointer; {@code field} is the pointer's path in dotted form. */
    public static ProblemDetail withPointedErrors(ProblemDetail problem, List<DomainRuleViolation.Violation> errors) {
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.pointer().replaceFirst("^/", "").replace('/', '.'),
                        "pointer", error.pointer(), "message", error.message()))
                .toList());
        return problem;
    }

    /** The stable code of an HTTP status that has no more specific one. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 500 -> "internal_error";
            default -> "http_" + status.value();
        };
    }

    /** One offending input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
