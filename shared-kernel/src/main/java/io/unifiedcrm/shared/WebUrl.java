package io.unifiedcrm.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL such as an avatar image, at most 2048 characters. */
public record WebUrl(String value) {

    private static final int MAX_LENGTH = 2048;

    public WebUrl {
        if (value == null || value.length() > MAX_LENGTH || !isHttpUrl(value)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_URL, "avatarUrl",
                    "Not an absolute http or https URL of at most " + MAX_LENGTH + " characters.");
        }
    }

    public static WebUrl of(String raw) {
        return new WebUrl(raw == null ? null : raw.strip());
    }

    private static boolean isHttpUrl(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
