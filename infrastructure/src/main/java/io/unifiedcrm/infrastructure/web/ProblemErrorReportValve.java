package io.unifiedcrm.infrastructure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to a request it refuses before any application code runs (a malformed request line, characters
 * not allowed in a URL): problem+json like every other error of the API instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() && response.getContentWritten() > 0) {
            return;
        }
        String code = Problems.codeFor(org.springframework.http.HttpStatusCode.valueOf(status));
        String body = "{\"type\":\"https://unifiedcrm.io/problems/" + code.replace('_', '-') + "\",\"title\":\""
                + (status == 400 ? "Bad Request" : "Error") + "\",\"status\":" + status + ",\"detail\":\"The "
                + "request cannot be read (for example characters that must be percent-encoded in a URL).\","
                + "\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
