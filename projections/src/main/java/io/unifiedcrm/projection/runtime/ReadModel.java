package io.unifiedcrm.projection.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A projection: a processing group whose handlers build read-model tables, and those tables (schema-qualified). Its
 * handlers write them, its {@code @ResetHandler}s clear them, no other group reads or writes them. Each projection
 * declares itself as a bean; the projection processors run it ({@link ProjectionProcessors}).
 */
public record ReadModel(String group, List<String> tables) {

    public ReadModel {
        Objects.requireNonNull(group, "group");
        tables = List.copyOf(tables);
    }
}
