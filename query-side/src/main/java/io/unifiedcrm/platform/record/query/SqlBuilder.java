package io.unifiedcrm.platform.record.query;

import java.util.ArrayList;
import java.util.List;

/** SQL text and its bind parameters, appended together so they stay in the order of the placeholders. */
final class SqlBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    SqlBuilder append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    String sql() {
        return text.toString();
    }

    Object[] parameters() {
        return parameters.toArray();
    }
}
