package io.unifiedcrm.shared;

/**
 * One field of a JSON merge patch (RFC 7396) as it travels in a command: a {@code null} FieldChange leaves the field
 * as it is; a FieldChange with a {@code null} value removes it; any other value replaces it.
 */
public record FieldChange<T>(T value) {

    public static <T> FieldChange<T> to(T value) {
        return new FieldChange<>(value);
    }

    public boolean removes() {
        return value == null;
    }
}
