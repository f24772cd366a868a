package io.unifiedcrm.infrastructure.web;

import java.net.URI;
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

    /** One offending input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
