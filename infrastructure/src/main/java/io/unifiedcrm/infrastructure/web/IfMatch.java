package io.unifiedcrm.infrastructure.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of a mutation: the version (ETag) the client last saw. A command carrying it
 * fails with 412 when the aggregate has moved on; absent or {@code *}, the command applies to whatever is current.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private IfMatch() {
    }

    /** The expected version, or {@code null} for none. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new BadRequest("invalid_if_match", HEADER,
                    "If-Match must be one ETag as this API sent it, e.g. \"3\".");
        }
        return Long.parseLong(matcher.group(1));
    }
}
