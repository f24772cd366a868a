package io.unifiedcrm.platform.definition.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.regex.Pattern;

/** The immutable name of an object type, e.g. {@code subscription}: a lower-case letter, then letters, digits, _. */
public record ObjectTypeName(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ObjectTypeName {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_OBJECT_TYPE_NAME, "name",
                    "An object type name is 1 to 63 of a-z, 0-9 and _, starting with a letter.");
        }
    }
}
