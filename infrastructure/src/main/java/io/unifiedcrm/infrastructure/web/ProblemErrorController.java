package io.unifiedcrm.infrastructure.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the servlet container, a filter) reach {@code /error}; they get the same
 * problem body as every other error instead of Spring Boot's default error JSON.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = statusAttribute instanceof Integer code && code >= 400
                ? HttpStatusCode.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        String detail = status.is5xxServerError()
                ? "An unexpected error occurred; quote the correlationId when reporting it."
                : known != null ? known.getReasonPhrase() : "The request cannot be served.";
        return ResponseEntity.status(status).body(Problems.of(status, Problems.codeFor(status), detail));
    }
}
