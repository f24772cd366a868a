package io.unifiedcrm.projection.runtime.rebuild;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shadow copies of one projection's tables, and the switch that makes them the live ones. The shadow of a table
 * {@code s.t} of group {@code g} is {@code s__shadow_g.t}: a table of the same name in a schema of its own, with the
 * live table's columns, defaults, constraints and indexes under their very names — so that moving it into {@code s}
 * leaves every name as the Flyway scripts made it. Functions that read the group's tables (such as
 * {@code commerce.customer_stats}) get a copy in the shadow schema that reads the shadow tables.
 */
final class ShadowTables {

    private static final String LOCK_TIMEOUT = "500ms";
    private static final Duration OLDER_TRANSACTIONS_WAIT = Duration.ofMillis(500);

    private final String group;
    private final List<String> tables;
    private final Set<String> otherProjectionsTables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Set<String> functions = new LinkedHashSet<>();
    private final List<String> functionDefinitions = new ArrayList<>();

    /**
     * @param tables    the group's tables
     * @param allTables the tables of every projection ({@link ReadModelTables#all()}): the shadow processor must not
     *                  touch the others'
     */
    ShadowTables(String group, List<String> tables, Set<String> allTables, JdbcTemplate jdbc,
                 TransactionTemplate transactions) {
        this.group = group;
        this.tables = List.copyOf(tables);
        Set<String> others = new LinkedHashSet<>(allTables);
        others.removeAll(this.tables);
        this.otherProjectionsTables = Set.copyOf(others);
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    static String schemaOf(String qualified) {
        return qualified.substring(0, qualified.indexOf('.'));
    }

    static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }

    String shadowSchema(String schema) {
        return schema + "__shadow_" + group;
    }

    private String oldSchema(String schema) {
        return schema + "__old_" + group;
    }

    String shadowOf(String qualified) {
        return shadowSchema(schemaOf(qualified)) + "." + nameOf(qualified);
    }

    /**
     * The functions whose definitions name one of the group's tables, qualified; found by {@link #create}, which
     * copies them into the shadow schemas.
     */
    Collection<String> functions() {
        return Set.copyOf(functions);
    }

    /** What the shadow processor's SQL is rewritten with: the group's tables and functions to their shadows. */
    SqlRewrite rewrite() {
        Map<String, String> replacements = new LinkedHashMap<>();
        tables.forEach(table -> replacements.put(table, shadowOf(table)));
        functions.forEach(function -> replacements.put(function, shadowOf(function)));
        return new SqlRewrite(group, replacements, otherProjectionsTables);
    }

    /** Drops what an earlier rebuild of the group left (this instance stopped during it), then creates the shadow. */
    void create() {
        transactions.executeWithoutResult(status -> {
            dropLeftovers();
            functions.clear();
            functionDefinitions.clear();
            FunctionsReadingTables.of(jdbc, new SqlRewrite(group, tableReplacements(), List.of()))
                    .forEach((name, definition) -> {
                        functions.add(name);
                        functionDefinitions.add(definition);
                    });
            Set<String> schemas = new LinkedHashSet<>();
            tables.forEach(table -> schemas.add(schemaOf(table)));
            functions.forEach(function -> schemas.add(schemaOf(function)));
            schemas.forEach(schema -> jdbc.execute("CREATE SCHEMA " + shadowSchema(schema)));
            SqlRewrite rewrite = rewrite();
            List<String> foreignKeys = new ArrayList<>();
            for (String table : tables) {
                jdbc.execute("CREATE TABLE " + shadowOf(table) + " (LIKE " + table + " INCLUDING DEFAULTS "
                        + "INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMPRESSION "
                        + "INCLUDING STATISTICS INCLUDING COMMENTS)");
                jdbc.queryForList("""
                                SELECT quote_ident(conname) AS name, contype = 'f' AS foreign_key,
                                       pg_get_constraintdef(oid) AS definition
                                FROM pg_constraint WHERE conrelid = cast(? AS regclass)
                                  AND contype IN ('p', 'u', 'c', 'x', 'f') ORDER BY conname""", table)
                        .forEach(constraint -> {
                            String add = "ALTER TABLE " + shadowOf(table) + " ADD CONSTRAINT " + constraint.get("name")
                                    + " " + rewrite.apply((String) constraint.get("definition"));
                            if ((Boolean) constraint.get("foreign_key")) {
                                foreignKeys.add(add);
                            } else {
                                jdbc.execute(add);
                            }
                        });
                jdbc.queryForList("""
                                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                                WHERE i.indrelid = cast(? AS regclass) AND NOT EXISTS (
                                    SELECT 1 FROM pg_constraint c
                                    WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)""",
                                String.class, table)
                        .forEach(index -> jdbc.execute(rewrite.apply(index)));
            }
            foreignKeys.forEach(jdbc::execute);
            // a body may name objects it finds on the caller's search path; it is checked when it runs
            jdbc.execute("SET LOCAL check_function_bodies = off");
            functionDefinitions.forEach(definition -> jdbc.execute(rewrite.apply(definition)));
        });
    }

    private Map<String, String> tableReplacements() {
        Map<String, String> replacements = new LinkedHashMap<>();
        tables.forEach(table -> replacements.put(table, shadowOf(table)));
        return replacements;
    }

    /** Fresh statistics for the planner, before the shadow tables serve queries. */
    void analyze() {
        tables.forEach(table -> jdbc.execute("ANALYZE " + shadowOf(table)));
    }

    /**
     * In one transaction: the live tables go, the shadow tables take their place and names, the shadow functions
     * go, and the live processor's tokens become the shadow processor's. Queries see the old tables or the new ones,
     * never a mix. Gives up, rolling everything back, on a lock it cannot get within {@value #LOCK_TIMEOUT} (a long
     * read holding a table) and when a transaction that began before {@code shadowStoppedAt} is still open after
     * half a second: the caller may try again ({@link Retry}).
     *
     * <p>The second condition keeps a repeatable-read transaction (a query reading in several statements) from
     * reading the new tables with a snapshot older than the shadow's last batch, which would hide that batch's rows.
     */
    void switchTo(String liveProcessor, String shadowProcessor, Timestamp shadowStoppedAt) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
            awaitNoTransactionBegunBefore(shadowStoppedAt);
            Set<String> schemas = new LinkedHashSet<>();
            tables.forEach(table -> schemas.add(schemaOf(table)));
            schemas.forEach(schema -> jdbc.execute("CREATE SCHEMA " + oldSchema(schema)));
            tables.forEach(table -> jdbc.execute("ALTER TABLE " + table + " SET SCHEMA " + oldSchema(schemaOf(table))));
            tables.forEach(table -> jdbc.execute("ALTER TABLE " + shadowOf(table) + " SET SCHEMA " + schemaOf(table)));
            List<String> old = tables.stream().map(table -> oldSchema(schemaOf(table)) + "." + nameOf(table)).toList();
            jdbc.execute("DROP TABLE " + String.join(", ", old));
            schemas.forEach(schema -> jdbc.execute("DROP SCHEMA " + oldSchema(schema)));
            Set<String> shadowSchemas = new LinkedHashSet<>(schemas);
            functions.forEach(function -> shadowSchemas.add(schemaOf(function)));
            // what is left in them are the shadow functions
            shadowSchemas.forEach(schema -> jdbc.execute("DROP SCHEMA " + shadowSchema(schema) + " CASCADE"));
            // the rebuilt tables hold every event up to the shadow's tokens (a shadow fails at its first failing
            // handler), so the live group's parked events are in them; later ones the live processor handles again
            jdbc.update("DELETE FROM axon.dead_letter_entry WHERE processing_group = ?", liveProcessor);
            jdbc.update("DELETE FROM axon.token_entry WHERE processor_name = ?", liveProcessor);
            jdbc.update("UPDATE axon.token_entry SET processor_name = ?, owner = NULL WHERE processor_name = ?",
                    liveProcessor, shadowProcessor);
        });
    }

    private void awaitNoTransactionBegunBefore(Timestamp instant) {
        long deadline = System.nanoTime() + OLDER_TRANSACTIONS_WAIT.toNanos();
        while (jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                  AND xact_start < ?""", Long.class, instant) > 0) {
            if (System.nanoTime() > deadline) {
                throw new Retry("transactions begun before the rebuild's last batch are still open");
            }
            jdbc.execute("SELECT pg_sleep(0.01)");
        }
    }

    /** The switch could not be made now; it may succeed later. */
    static final class Retry extends RuntimeException {
        Retry(String message) {
            super(message);
        }
    }

    /** Drops the shadow schemas and the shadow processor's tokens; the live tables stay as they are. */
    void drop(String shadowProcessor) {
        transactions.executeWithoutResult(status -> {
            dropLeftovers();
            jdbc.update("DELETE FROM axon.token_entry WHERE processor_name = ?", shadowProcessor);
        });
    }

    private void dropLeftovers() {
        jdbc.queryForList("SELECT quote_ident(nspname) FROM pg_namespace WHERE nspname LIKE ? OR nspname LIKE ?",
                        String.class, "%\\_\\_shadow\\_" + group, "%\\_\\_old\\_" + group)
                .forEach(schema -> jdbc.execute("DROP SCHEMA " + schema + " CASCADE"));
    }
}
