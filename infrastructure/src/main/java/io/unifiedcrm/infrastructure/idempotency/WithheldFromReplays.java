package io.unifiedcrm.infrastructure.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A member of a response body that is shown once and never kept: a secret such as a new API key. The answer kept for
 * an {@code Idempotency-Key} (24 h in {@code system.idempotency_key}) holds {@code null} in its place, and a replay
 * says so in the header {@value #HEADER} naming the member; the caller who lost the first answer revokes the key and
 * issues a new one.
 */
public final class WithheldFromReplays {

    public static final String HEADER = "Idempotent-Withheld";
    private static final String ATTRIBUTE = WithheldFromReplays.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    private WithheldFromReplays() {
    }

    /** Marks the top-level member {@code name} of the current request's response body as a secret. */
    public static void member(String name) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, name, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The member the request's response withholds from replays, or null. */
    static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String name ? name : null;
    }

    /** The JSON body with the member set to null; a body that is not a JSON object is not kept at all (empty). */
    static byte[] without(byte[] body, String member) {
        try {
            JsonNode json = JSON.readTree(body);
            if (!(json instanceof ObjectNode object)) {
                return new byte[0];
            }
            if (object.has(member)) {
                object.putNull(member);
            }
            return JSON.writeValueAsBytes(object);
        } catch (IOException notJson) {
            return new byte[0];
        }
    }
}
