package io.unifiedcrm.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7396 on JSON objects held as maps: members of the patch replace the target's; a {@code null} removes one. */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = target == null ? new LinkedHashMap<>() : new LinkedHashMap<>(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> nestedPatch) {
                Object nested = result.get(key);
                result.put(key, apply(nested instanceof Map<?, ?> map ? cast(map) : null, cast(nestedPatch)));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
