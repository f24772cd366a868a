package io.unifiedcrm.platform.record.query;

import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionView;
import io.unifiedcrm.platform.record.api.PropertyFilter;
import io.unifiedcrm.platform.record.api.PropertySort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the filter and sort parameters of {@code GET /api/v1/records} against the object type's schema:
 * {@code filter[plan]=pro} (equality), {@code filter[seats][gte]=10}, {@code filter[plan][in]=basic,pro},
 * {@code filter[name][contains]=acme}, {@code filter[renewsAt][exists]=true}; {@code sort=seats} or
 * {@code sort=-seats}. Only properties the schema declares may be used (else 400 {@code invalid_filter}).
 */
final class RecordFilters {

    static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "contains", "exists");
    private static final Pattern FILTER = Pattern.compile("^filter\\[([^\\]]+)](?:\\[([a-z]+)])?$");
    private static final Set<String> OTHER_PARAMETERS = Set.of("objectType", "sort", "limit", "cursor");

    private RecordFilters() {
    }

    static List<PropertyFilter> of(ObjectDefinitionView definition, Map<String, String[]> parameters) {
        List<PropertyFilter> filters = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            Matcher filter = FILTER.matcher(parameter.getKey());
            if (!filter.matches()) {
                if (!OTHER_PARAMETERS.contains(parameter.getKey())) {
                    throw new BadRequest("invalid_filter", parameter.getKey(), "Unknown parameter; filters are "
                            + "filter[property] or filter[property][operator].");
                }
                continue;
            }
            String property = filter.group(1);
            String operator = filter.group(2) == null ? "eq" : filter.group(2);
            String type = typeOf(definition, property, "filter[" + property + "]");
            if (!OPERATORS.contains(operator)) {
                throw new BadRequest("invalid_filter", parameter.getKey(), "Unknown operator; one of " + OPERATORS
                        + ".");
            }
            if (operator.equals("contains") && !type.equals("text")) {
                throw new BadRequest("invalid_filter", parameter.getKey(), "contains applies to text properties.");
            }
            for (String value : parameter.getValue()) {
                List<String> values = operator.equals("in") ? Arrays.asList(value.split(",", -1)) : List.of(value);
                if (operator.equals("exists") && !value.equals("true") && !value.equals("false")) {
                    throw new BadRequest("invalid_filter", parameter.getKey(), "exists is true or false.");
                }
                values.forEach(each -> PropertyConditions.valueOf(property, operator.equals("exists") ? "text" : type,
                        each));
                filters.add(new PropertyFilter(property, type, operator, values));
            }
        }
        return filters;
    }

    static PropertySort sortOf(ObjectDefinitionView definition, String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        boolean descending = sort.startsWith("-");
        String property = descending ? sort.substring(1) : sort;
        return new PropertySort(property, typeOf(definition, property, "sort"), descending);
    }

    /** How the schema types a property: number, boolean, date, datetime or text. */
    private static String typeOf(ObjectDefinitionView definition, String property, String parameter) {
        Object declared = definition.schema().get("properties") instanceof Map<?, ?> properties
                ? properties.get(property) : null;
        if (!(declared instanceof Map<?, ?> schema)) {
            throw new BadRequest("invalid_filter", parameter, "The object type " + definition.name()
                    + " declares no property " + property + ".");
        }
        Object type = schema.get("type") instanceof List<?> types
                ? types.stream().filter(member -> !"null".equals(member)).findFirst().orElse(null)
                : schema.get("type");
        if ("integer".equals(type) || "number".equals(type)) {
            return "number";
        }
        if ("boolean".equals(type)) {
            return "boolean";
        }
        if ("string".equals(type) && "date".equals(schema.get("format"))) {
            return "date";
        }
        if ("string".equals(type) && "date-time".equals(schema.get("format"))) {
            return "datetime";
        }
        return "text";
    }
}
