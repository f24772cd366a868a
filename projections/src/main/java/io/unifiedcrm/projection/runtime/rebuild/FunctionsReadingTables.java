package io.unifiedcrm.projection.runtime.rebuild;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database's own functions whose definitions name tables a rewrite replaces: they need copies too. */
public final class FunctionsReadingTables {

    private FunctionsReadingTables() {
    }

    /**
     * The functions (qualified name to {@code CREATE OR REPLACE} definition) whose definitions the rewrite of tables
     * changes. Runs in the current transaction, whose search path it empties so that every name comes qualified.
     */
    public static Map<String, String> of(JdbcTemplate jdbc, SqlRewrite tablesOnly) {
        jdbc.execute("SET LOCAL search_path = pg_catalog");
        Map<String, String> functions = new LinkedHashMap<>();
        jdbc.queryForList("""
                        SELECT n.nspname || '.' || p.proname AS name, pg_get_functiondef(p.oid) AS definition
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.prokind = 'f' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                          AND n.nspname NOT LIKE 'pg\\_%'
                        ORDER BY 1""")
                .forEach(function -> {
                    String definition = (String) function.get("definition");
                    if (!tablesOnly.apply(definition).equals(definition)) {
                        functions.put((String) function.get("name"), definition);
                    }
                });
        return functions;
    }
}
