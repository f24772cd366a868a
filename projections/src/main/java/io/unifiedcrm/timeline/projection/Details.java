package io.unifiedcrm.timeline.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The small JSON object of an entry's relevant fields: ids, codes and times as strings, money as
 * {@code {amount, currency}} with the amount a decimal string (4 places, as the API shows money); absent values are
 * left out.
 */
final class Details {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Details of(String name, Object value) {
        return new Details().and(name, value);
    }

    static Details none() {
        return new Details();
    }

    Details and(String name, Object value) {
        Object plain = plain(value);
        if (plain != null) {
            values.put(name, plain);
        }
        return this;
    }

    String json() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Timeline details that are not JSON", unexpected);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Money money) {
            return money.amount() == null ? null : Map.of("amount", amount(money.amount()), "currency",
                    money.currency());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof UUID || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Details::plain).toList();
        }
        return value;
    }

    static String amount(BigDecimal amount) {
        return (amount.scale() < 4 ? amount.setScale(4) : amount).toPlainString();
    }
}
