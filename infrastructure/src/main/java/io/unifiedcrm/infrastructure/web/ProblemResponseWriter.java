package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers the security filter chain's 401 and 403 with the same problem+json body as every other error. */
@Component
public class ProblemResponseWriter {

    private final ObjectMapper objectMapper;

    public ProblemResponseWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                messageOf(exception));
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
                "The credential does not allow this operation.");
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        objectMapper.writeValue(response.getOutputStream(), Problems.of(status, code, detail));
    }

    private static String messageOf(AuthenticationException exception) {
        return exception instanceof InvalidCredentialException
                ? exception.getMessage()
                : "Send a credential: Authorization: Bearer <api key>.";
    }

    /** The request presented a credential that is unknown, revoked or malformed. */
    public static class InvalidCredentialException extends AuthenticationException {
        public InvalidCredentialException() {
            super("The credential is not valid.");
        }
    }

}
