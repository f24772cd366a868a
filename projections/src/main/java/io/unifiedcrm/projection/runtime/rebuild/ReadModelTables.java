package io.unifiedcrm.projection.runtime.rebuild;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The tables each projection (processing group) owns, as each declares them in its {@link ReadModel} bean: its
 * handlers write them, its {@code @ResetHandler}s clear them, and no other group reads or writes them. A rebuild
 * without downtime builds exactly these tables anew. {@code ReadModelTablesTest} keeps them equal to the tables of the
 * projections' Flyway scripts and to what the reset handlers clear.
 */
@Component
public class ReadModelTables {

    private final Map<String, List<String>> tables = new TreeMap<>();

    public ReadModelTables(ObjectProvider<ReadModel> readModels) {
        readModels.orderedStream().forEach(readModel -> {
            if (tables.putIfAbsent(readModel.group(), readModel.tables()) != null) {
                throw new IllegalStateException("Processing group '" + readModel.group()
                        + "' declares its read model more than once");
            }
        });
    }

    /** The group's tables, schema-qualified, or empty if it is no projection with registered tables. */
    public Optional<List<String>> of(String group) {
        return Optional.ofNullable(tables.get(group));
    }

    /** The projections, by name. */
    public Set<String> groups() {
        return Collections.unmodifiableSet(tables.keySet());
    }

    /** Every registered table of every group. */
    public Set<String> all() {
        return tables.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }
}
