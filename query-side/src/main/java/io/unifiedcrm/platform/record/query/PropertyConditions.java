package io.unifiedcrm.platform.record.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.platform.record.api.PropertyFilter;
import io.unifiedcrm.platform.record.api.PropertySort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of property filters and sorts on {@code platform.record r}. A property's value is compared as the type
 * its schema gives it; a stored value of another type (written under an older schema version) counts as missing.
 */
final class PropertyConditions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1e100");
    private static final int MAX_SCALE = 100;

    private PropertyConditions() {
    }

    /** The property's value as its type, or SQL NULL. */
    static void typed(SqlBuilder sql, String property, String type) {
        switch (type) {
            case "number" -> sql.append("(CASE WHEN jsonb_typeof(r.properties -> ?) = 'number' "
                    + "THEN (r.properties ->> ?)::numeric END)", property, property);
            case "boolean" -> sql.append("(CASE WHEN jsonb_typeof(r.properties -> ?) = 'boolean' "
                    + "THEN (r.properties ->> ?)::boolean END)", property, property);
            case "date" -> sql.append("(CASE WHEN (r.properties ->> ?) ~ '^\\d{4}-\\d{2}-\\d{2}$' "
                    + "THEN platform.try_date(r.properties ->> ?) END)", property, property);
            case "datetime" -> sql.append("(CASE WHEN (r.properties ->> ?) ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' "
                    + "THEN platform.try_timestamptz(r.properties ->> ?) END)", property, property);
            default -> sql.append("(r.properties ->> ?)", property);
        }
    }

    static void condition(SqlBuilder sql, PropertyFilter filter) {
        String property = filter.property();
        switch (filter.operator()) {
            case "eq" -> sql.append("r.properties @> cast(? AS jsonb)", containment(filter, filter.values().get(0)));
            case "ne" -> sql.append("NOT (r.properties @> cast(? AS jsonb))",
                    containment(filter, filter.values().get(0)));
            case "in" -> {
                sql.append("(");
                for (int i = 0; i < filter.values().size(); i++) {
                    sql.append(i == 0 ? "" : " OR ").append("r.properties @> cast(? AS jsonb)",
                            containment(filter, filter.values().get(i)));
                }
                sql.append(")");
            }
            case "gt", "gte", "lt", "lte" -> {
                typed(sql, property, filter.type());
                sql.append(switch (filter.operator()) {
                    case "gt" -> " > ?";
                    case "gte" -> " >= ?";
                    case "lt" -> " < ?";
                    default -> " <= ?";
                }, valueOf(property, filter.type(), filter.values().get(0)));
            }
            case "contains" -> sql.append("(r.properties ->> ?) ILIKE ? ESCAPE '\\'", property,
                    "%" + filter.values().get(0).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            case "exists" -> sql.append(Boolean.parseBoolean(filter.values().get(0))
                    ? "jsonb_exists(r.properties, ?)" : "NOT jsonb_exists(r.properties, ?)", property);
            default -> throw new IllegalArgumentException("operator " + filter.operator());
        }
    }

    /** Keyset condition: after the record with sort value {@code afterValue} (null: none) and id. */
    static void after(SqlBuilder sql, PropertySort sort, String afterValue, UUID afterId) {
        if (afterValue == null) {
            sql.append("(");
            typed(sql, sort.property(), sort.type());
            sql.append(" IS NULL AND r.id > ?)", afterId);
            return;
        }
        Object value = valueOf(sort.property(), sort.type(), afterValue);
        sql.append("(");
        typed(sql, sort.property(), sort.type());
        sql.append(sort.descending() ? " < ?" : " > ?", value).append(" OR (");
        typed(sql, sort.property(), sort.type());
        sql.append(" = ? AND r.id > ?) OR ", value, afterId);
        typed(sql, sort.property(), sort.type());
        sql.append(" IS NULL)");
    }

    /** A filter or cursor value as the property's type, within what PostgreSQL holds; 400 when it is not one. */
    static Object valueOf(String property, String type, String text) {
        try {
            Object value = switch (type) {
                case "number" -> new BigDecimal(text);
                case "boolean" -> parseBoolean(text);
                case "date" -> LocalDate.parse(text);
                case "datetime" -> OffsetDateTime.parse(text);
                default -> text;
            };
            if (value instanceof BigDecimal number && (number.abs().compareTo(MAX_NUMBER) > 0
                    || number.scale() > MAX_SCALE)
                    || value instanceof LocalDate date && (date.getYear() < 1 || date.getYear() > 9999)
                    || value instanceof OffsetDateTime time && (time.getYear() < 1 || time.getYear() > 9999)) {
                throw new NumberFormatException("out of range");
            }
            return value;
        } catch (NumberFormatException | DateTimeParseException wrongType) {
            throw new BadRequest("invalid_filter", "filter[" + property + "]",
                    "The value is not a " + type + " (within range), the type of " + property + ".");
        }
    }

    private static String containment(PropertyFilter filter, String text) {
        Object value = valueOf(filter.property(), filter.type(), text);
        Object json = value instanceof LocalDate || value instanceof OffsetDateTime ? text : value;
        try {
            return JSON.writeValueAsString(Map.of(filter.property(), json));
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static Boolean parseBoolean(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new NumberFormatException(text);
        }
        return Boolean.valueOf(text);
    }
}
