package io.unifiedcrm.projection.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What a read-model write touches: rows of tables (by key) or whole tables. Writes of a batch whose footprints do not
 * overlap may be sent to the database in another order than they were made ({@link PendingWrites}), so a footprint
 * must name every row the statement writes and every table whose rows it reads or writes beyond those: a statement
 * that reads other rows (a sub-select, a function) names their tables. The empty footprint,
 * {@link #everything()}, overlaps with every write.
 *
 * @param parts the rows and tables touched; empty for everything
 */
public record Footprint(List<Part> parts) {

    private static final Footprint EVERYTHING = new Footprint(List.of());

    public Footprint {
        parts = List.copyOf(parts);
    }

    /** One row of a table, e.g. {@code row("identity.person", personId)}; a composite key as a list of its values. */
    public static Footprint row(String table, Object key) {
        return new Footprint(List.of(new Part(table, Objects.requireNonNull(key, "key"))));
    }

    /** Any rows of a table. */
    public static Footprint table(String table) {
        return new Footprint(List.of(new Part(table, null)));
    }

    /** Overlaps with every write: the writes before it are sent before it, those after it after it. */
    public static Footprint everything() {
        return EVERYTHING;
    }

    /** This footprint and another one. */
    public Footprint and(Footprint other) {
        if (isEverything() || other.isEverything()) {
            return EVERYTHING;
        }
        return new Footprint(java.util.stream.Stream.concat(parts.stream(), other.parts.stream()).toList());
    }

    public boolean isEverything() {
        return parts.isEmpty();
    }

    /**
     * A row ({@code key} not null) or a whole table ({@code key} null).
     */
    public record Part(String table, Object key) {

        public Part {
            Objects.requireNonNull(table, "table");
        }

        boolean isWholeTable() {
            return key == null;
        }
    }
}
