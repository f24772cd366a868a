package io.unifiedcrm.infrastructure.logging;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: API keys, bearer tokens (JWTs included) and e-mail addresses. Applied to
 * every log message and stack trace by the logging configuration ({@code logback-spring.xml}).
 */
public final class SensitiveData {

    private static final Pattern API_KEY = Pattern.compile("ucrm_[A-Za-z0-9_-]{8,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    // A match may only start where a run of its characters starts (the lookbehinds) and never gives back what it
    // took (possessive): otherwise a long run without the rest of the pattern is scanned again from each of its
    // characters, quadratic in the length of a log line (100,000 characters: minutes).
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)+");

    private SensitiveData() {
    }

    public static String mask(String text) {
        if (text == null || !mightContainSensitiveData(text)) {
            return text;
        }
        String masked = API_KEY.matcher(text).replaceAll("ucrm_***");
        masked = BEARER.matcher(masked).replaceAll("$1***");
        masked = JWT.matcher(masked).replaceAll("***");
        return EMAIL.matcher(masked).replaceAll("***@***");
    }

    /** One pass over the text for what each pattern starts with or needs; most log lines have none of it. */
    private static boolean mightContainSensitiveData(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@'
                    || c == 'u' && text.startsWith("ucrm_", i)
                    || c == 'e' && text.startsWith("eyJ", i)
                    || (c == 'b' || c == 'B') && text.regionMatches(true, i, "bearer", 0, 6)) {
                return true;
            }
        }
        return false;
    }
}
