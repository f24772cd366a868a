package io.unifiedcrm.projection.runtime.rebuild;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites the SQL of one projection's handlers from its live tables (and the functions that read them) to their
 * shadow copies: every schema-qualified name of {@code replacements} becomes its replacement, wherever it stands as
 * a whole name (also inside string literals and comments). A statement that still names a table of another
 * projection is refused: the shadow of one group must never write what another group owns, and no group reads
 * another's tables.
 */
public final class SqlRewrite {

    private final String group;
    private final Map<String, String> replacements;
    private final Pattern names;
    private final Pattern foreign;
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    /**
     * @param replacements  lower-case qualified names ({@code crm.deal}) and what they become
     * @param foreignTables the tables of the other projections
     */
    public SqlRewrite(String group, Map<String, String> replacements, Collection<String> foreignTables) {
        this.group = group;
        this.replacements = Map.copyOf(replacements);
        this.names = wholeNames(replacements.keySet());
        this.foreign = foreignTables.isEmpty() ? null : wholeNames(foreignTables);
    }

    private static Pattern wholeNames(Collection<String> qualifiedNames) {
        String alternatives = qualifiedNames.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w$.\"])(" + alternatives + ")(?![\\w$\"])", Pattern.CASE_INSENSITIVE);
    }

    public String apply(String sql) {
        if (sql == null) {
            return null;
        }
        Matcher name = names.matcher(sql);
        StringBuilder rewritten = new StringBuilder(sql.length() + 32);
        while (name.find()) {
            String live = name.group(1).toLowerCase(Locale.ROOT);
            touched.add(live);
            name.appendReplacement(rewritten, Matcher.quoteReplacement(replacements.get(live)));
        }
        name.appendTail(rewritten);
        String result = rewritten.toString();
        if (foreign != null) {
            Matcher other = foreign.matcher(result);
            if (other.find()) {
                throw new IllegalStateException("The rebuild of '" + group + "' ran a statement on "
                        + other.group(1) + ", a table of another projection (is it missing from ReadModelTables?): "
                        + sql);
            }
        }
        return result;
    }

    /** The live names this rewrite has replaced so far. */
    public Set<String> touched() {
        return Set.copyOf(touched);
    }
}
