package io.unifiedcrm.platform.record.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.platform.definition.command.ObjectTypeRules;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record's properties as its object type's rules admit them: at most {@value #MAX_TOTAL_BYTES} bytes of JSON in
 * all (else 413), at most {@value #MAX_VALUE_BYTES} bytes per value (else 422), valid against the schema in force
 * (else 422 with one error per violation, each with its JSON pointer).
 */
final class RecordProperties {

    static final int MAX_TOTAL_BYTES = 256 * 1024;
    static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final int MAX_DISPLAY_NAME_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordProperties() {
    }

    static Map<String, Object> checked(ObjectTypeRules rules, Map<String, Object> properties) {
        Map<String, Object> candidate = properties == null ? Map.of() : properties;
        if (bytesOf(candidate) > MAX_TOTAL_BYTES) {
            throw new DomainRuleViolation(ErrorCode.PROPERTIES_TOO_LARGE, "properties",
                    "A record's properties take at most " + MAX_TOTAL_BYTES + " bytes of JSON.");
        }
        candidate.forEach((name, value) -> {
            if (!finite(value)) {
                throw new DomainRuleViolation(ErrorCode.INVALID_PROPERTIES, "properties." + name,
                        "Numbers must be finite.");
            }
            if (bytesOf(value) > MAX_VALUE_BYTES) {
                throw new DomainRuleViolation(ErrorCode.VALUE_TOO_LARGE, "properties." + name,
                        "A property value takes at most " + MAX_VALUE_BYTES + " bytes of JSON.");
            }
        });
        List<DomainRuleViolation.Violation> violations = rules.schema().violationsOf(candidate);
        if (!violations.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_PROPERTIES,
                    "The properties do not satisfy the schema of " + rules.name() + " (version "
                            + rules.schemaVersion() + ").", violations);
        }
        return candidate;
    }

    /** The display property's value as text, at most 200 characters, or {@code null}. */
    static String displayName(ObjectTypeRules rules, Map<String, Object> properties) {
        Object value = properties.get(rules.displayProperty());
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.length() > MAX_DISPLAY_NAME_LENGTH ? text.substring(0, MAX_DISPLAY_NAME_LENGTH) : text;
    }

    /** The unique property's value in its canonical form (text: trimmed, lower case), or {@code null}. */
    static String uniqueValue(ObjectTypeRules rules, Map<String, Object> properties) {
        Object value = rules.uniqueProperty() == null ? null : properties.get(rules.uniqueProperty());
        if (value == null) {
            return null;
        }
        return value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    /** JSON has no Infinity or NaN; a number too large for a double would come back as one. */
    static boolean finite(Object value) {
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        if (value instanceof Float number) {
            return Float.isFinite(number);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(RecordProperties::finite);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(RecordProperties::finite);
        }
        return true;
    }

    private static int bytesOf(Object value) {
        try {
            return JSON.writeValueAsBytes(value).length;
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Properties that are not JSON", unexpected);
        }
    }
}
