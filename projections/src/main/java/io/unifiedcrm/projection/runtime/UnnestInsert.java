package io.unifiedcrm.projection.runtime;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executions of one {@code INSERT … VALUES (…) [ON CONFLICT …]} statement sent as one
 * {@code INSERT … SELECT … FROM unnest(…) [ON CONFLICT …]}, with one text array per parameter. pgjdbc sends a JDBC
 * batch of inserts as multi-row {@code VALUES} statements of up to 128 rows and more than a thousand parameters, which
 * PostgreSQL parses, plans and binds anew for every batch: in a replay, about half of the database's time went to
 * that (docs/benchmarks.md). Here a batch of a thousand rows is one statement of a handful of parameters.
 *
 * <p>The rows are inserted in the batch's order, with the statement's own {@code ON CONFLICT} clause, and each
 * value arrives as the column's type reads its text form: the same values as the batch would have written
 * (timestamps as pgjdbc sends them, at the JVM's offset). A statement whose {@code VALUES} hold a parameter that is
 * neither a whole value nor cast to a named type ({@code cast(? AS jsonb)}, {@code ?::text} — inside any expression),
 * a column the table does not have, or a value of a type without a text form here, is not taken ({@link #tryExecute} answers false) and goes as the batch it was.
 */
final class UnnestInsert {

    private static final Pattern INSERT = Pattern.compile(
            "(?is)^\\s*INSERT\\s+INTO\\s+([a-z_][\\w]*(?:\\.[a-z_][\\w]*)?)\\s*\\(([^()]*)\\)\\s*VALUES\\s*\\(");
    /** A parameter whose type the statement names: {@code cast(? AS type)} or {@code ?::type}. */
    private static final Pattern CAST_PARAMETER = Pattern.compile("(?i)cast\\s*\\(\\s*\\?\\s+as\\s|\\?\\s*::");
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)^[a-z_][\\w]*$");
    private static final Object NO_TEXT_FORM = new Object();

    /** The parsed statement: each column's select item with {@code %s} where its parameter goes. */
    private record Shape(String table, List<String> columns, List<String> items, List<Boolean> plainParameters,
                         int parameters, String tail) {
    }

    /** The unnest statement of an insert and its number of parameters. */
    private record Plan(String statement, int parameters) {
    }

    private static final Map<String, Optional<Plan>> PLANS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> COLUMN_TYPES = new ConcurrentHashMap<>();

    private UnnestInsert() {
    }

    /** Inserts the rows as one statement; false (and nothing sent) when the statement or a value does not allow it. */
    static boolean tryExecute(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        Optional<Plan> plan = PLANS.get(sql);
        if (plan == null) {
            plan = parse(sql).flatMap(shape -> unnestStatement(jdbc, shape)
                    .map(statement -> new Plan(statement, shape.parameters())));
            PLANS.put(sql, plan);
        }
        if (plan.isEmpty()) {
            return false;
        }
        int parameters = plan.get().parameters();
        String[][] columns = new String[parameters][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = rows.get(row);
            if (values.length != parameters) {
                return false;
            }
            for (int parameter = 0; parameter < parameters; parameter++) {
                Object text = textOf(values[parameter]);
                if (text == NO_TEXT_FORM) {
                    return false;
                }
                columns[parameter][row] = (String) text;
            }
        }
        jdbc.update(plan.get().statement(), preparedStatement -> {
            Connection connection = preparedStatement.getConnection();
            for (int parameter = 0; parameter < parameters; parameter++) {
                preparedStatement.setArray(parameter + 1, connection.createArrayOf("text", columns[parameter]));
            }
        });
        return true;
    }

    private static Optional<Shape> parse(String sql) {
        Matcher insert = INSERT.matcher(sql);
        if (!insert.find()) {
            return Optional.empty();
        }
        List<String> columns = List.of(insert.group(2).trim().split("\\s*,\\s*"));
        if (!columns.stream().allMatch(column -> IDENTIFIER.matcher(column).matches())) {
            return Optional.empty();
        }
        int valuesEnd = closingParenthesis(sql, insert.end());
        if (valuesEnd < 0) {
            return Optional.empty();
        }
        List<String> values = topLevelItems(sql.substring(insert.end(), valuesEnd));
        String tail = sql.substring(valuesEnd + 1).trim();
        if (values.size() != columns.size() || tail.contains("?") || tail.contains(";")
                || !(tail.isEmpty() || tail.regionMatches(true, 0, "ON CONFLICT", 0, 11))) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        List<Boolean> plain = new ArrayList<>();
        int parameter = 0;
        for (String value : values) {
            if (value.indexOf('?') < 0) {
                items.add(value);
                plain.add(false);
            } else if (value.equals("?")) {
                parameter++;
                items.add("u.p" + parameter);
                plain.add(true);
            } else if (CAST_PARAMETER.matcher(value).replaceAll("").indexOf('?') < 0) {
                StringBuilder item = new StringBuilder();
                for (char c : value.toCharArray()) {
                    item.append(c == '?' ? "u.p" + ++parameter : String.valueOf(c));
                }
                items.add(item.toString());
                plain.add(false);
            } else {
                return Optional.empty();
            }
        }
        if (parameter == 0) {
            return Optional.empty();
        }
        return Optional.of(new Shape(insert.group(1), columns, items, plain, parameter, tail));
    }

    /** The statement, with each plain parameter cast to its column's type; empty when a column is unknown. */
    private static Optional<String> unnestStatement(JdbcTemplate jdbc, Shape shape) {
        String table = shape.table().toLowerCase(Locale.ROOT);
        Map<String, String> types = COLUMN_TYPES.get(table);
        if (types == null) {
            types = columnTypes(jdbc, table);
            COLUMN_TYPES.putIfAbsent(table, types);
        }
        List<String> select = new ArrayList<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            String item = shape.items().get(i);
            if (shape.plainParameters().get(i)) {
                String type = types.get(shape.columns().get(i).toLowerCase(Locale.ROOT));
                if (type == null) {
                    return Optional.empty();
                }
                item = "cast(" + item + " AS " + type + ")";
            }
            select.add(item);
        }
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int p = 1; p <= shape.parameters(); p++) {
            names.append(p == 1 ? "" : ", ").append("p").append(p);
            arrays.append(p == 1 ? "" : ", ").append("cast(? AS text[])");
        }
        return Optional.of("INSERT INTO " + shape.table() + " (" + String.join(", ", shape.columns()) + ") SELECT "
                + String.join(", ", select) + " FROM unnest(" + arrays + ") AS u(" + names + ")"
                + (shape.tail().isEmpty() ? "" : " " + shape.tail()));
    }

    /**
     * Each column's type without its modifier: an explicit cast to {@code varchar(40)} would cut a longer text where
     * the insert refuses it; cast to the bare type, the insert applies the modifier as the batch's insert does.
     */
    private static Map<String, String> columnTypes(JdbcTemplate jdbc, String table) {
        Map<String, String> types = new HashMap<>();
        jdbc.query("""
                        SELECT attname, format_type(atttypid, NULL) FROM pg_attribute
                        WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped""",
                row -> {
                    types.put(row.getString(1), row.getString(2));
                }, table);
        return Map.copyOf(types);
    }

    /** The value as PostgreSQL reads it for the column's type, or {@link #NO_TEXT_FORM}. */
    static Object textOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof UUID || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Boolean || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof OffsetDateTime || value instanceof java.sql.Date) {
            return value.toString();
        }
        if (value instanceof String[] texts) {
            return arrayLiteral(texts);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            // as pgjdbc sends a Timestamp: the JVM's wall time with its offset (a timestamp column keeps the wall time)
            return OffsetDateTime.ofInstant(timestamp.toInstant(), ZoneId.systemDefault()).toString();
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        return NO_TEXT_FORM;
    }

    /** A text array's literal: every element quoted, {@code "} and {@code \\} escaped, a null as NULL. */
    private static String arrayLiteral(String[] texts) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (texts[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (char c : texts[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** The index of the parenthesis closing the one opened just before {@code from}, outside quotes; -1 if none. */
    private static int closingParenthesis(String sql, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated items of a list, split at commas outside parentheses and quotes, trimmed. */
    private static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        items.add(list.substring(start).trim());
        return items;
    }
}
