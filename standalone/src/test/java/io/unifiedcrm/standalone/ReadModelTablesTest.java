package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.projection.runtime.rebuild.ReadModelTables;
import io.unifiedcrm.projection.runtime.rebuild.ShadowSql;
import io.unifiedcrm.projection.runtime.rebuild.SqlRewrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables the projections declare in their {@code ReadModel} beans ({@link ReadModelTables}) are exactly the tables
 * the projections' Flyway scripts create, each for one projection, and for each projection exactly the tables its
 * {@code @ResetHandler}s clear (directly, or through a foreign key that cascades the deletion): a rebuild without
 * downtime replaces exactly what the projection owns.
 */
class ReadModelTablesTest extends StandaloneTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+\\.\\w+)");

    @Autowired
    private ReadModelTables readModelTables;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void theRegistryNamesEveryTableOfTheProjectionsScriptsOnce() throws IOException {
        Set<String> created = new HashSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/projections/*.sql")) {
            Matcher table = CREATE_TABLE.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (table.find()) {
                created.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<String> registered = new ArrayList<>();
        readModelTables.groups().forEach(group -> registered.addAll(readModelTables.of(group).orElseThrow()));
        assertThat(registered).doesNotHaveDuplicates();
        assertThat(new HashSet<>(registered)).isEqualTo(created);
        for (String group : readModelTables.groups()) {
            assertThat(eventProcessing.eventProcessor(group)).as(group).isPresent();
        }
    }

    /**
     * Runs each projection's reset handlers on empty copies of its registered tables (in a rolled-back transaction):
     * a statement on a table of another projection is refused, and every registered table is cleared.
     */
    @Test
    void theResetHandlersOfEachProjectionClearExactlyItsTables() {
        for (String group : readModelTables.groups()) {
            List<String> tables = readModelTables.of(group).orElseThrow();
            Map<String, String> copies = new LinkedHashMap<>();
            tables.forEach(table -> copies.put(table, table.replace(".", "__resetcheck.")));
            Set<String> others = new HashSet<>(readModelTables.all());
            tables.forEach(others::remove);
            SqlRewrite rewrite = new SqlRewrite(group, copies, others);
            Set<String> schemas = new HashSet<>();
            copies.values().forEach(copy -> schemas.add(copy.substring(0, copy.indexOf('.'))));
            try {
                schemas.forEach(schema -> jdbc.execute("CREATE SCHEMA " + schema));
                copies.forEach((table, copy) -> jdbc.execute("CREATE TABLE " + copy + " (LIKE " + table + ")"));
                AbstractEventProcessor processor = eventProcessing.eventProcessor(group, AbstractEventProcessor.class)
                        .orElseThrow();
                ShadowSql.enter(rewrite);
                try {
                    new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
                        processor.eventHandlerInvoker().performReset();
                        transaction.setRollbackOnly();
                    });
                } finally {
                    ShadowSql.leave();
                }
            } finally {
                schemas.forEach(schema -> jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
            }
            Set<String> cascaded = new HashSet<>(jdbc.queryForList("""
                    SELECT conrelid::regclass::text FROM pg_constraint
                    WHERE contype = 'f' AND confdeltype = 'c' AND confrelid::regclass::text = ANY (?)""",
                    String.class, (Object) tables.toArray(String[]::new)));
            assertThat(tables).as(group + ": tables cleared through a cascading foreign key").containsAll(cascaded);
            assertThat(tables).as(group + ": tables its reset handlers clear").containsAll(rewrite.touched());
            Set<String> notCleared = new HashSet<>(tables);
            notCleared.removeAll(rewrite.touched());
            assertThat(cascaded).as(group + ": registered tables its reset handlers do not clear")
                    .containsAll(notCleared);
        }
    }
}
