package io.unifiedcrm.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Event data as JSON text for {@code jsonb} columns (maps keep their order, so the text is deterministic). */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    static String of(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Event data that is not JSON", unexpected);
        }
    }
}
