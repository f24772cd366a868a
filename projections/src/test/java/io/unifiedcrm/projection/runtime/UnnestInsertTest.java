package io.unifiedcrm.projection.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** An insert sent as one unnest statement writes exactly what pgjdbc's batch of the same statement writes. */
class UnnestInsertTest {

    private static final String COLUMNS = """
            id uuid, name text, note varchar(60), amount numeric(19, 4), quantity integer, big bigint,
            flag boolean, at timestamptz, local_at timestamp, day date, document jsonb, folded text, keys text[],
            status text NOT NULL,
            version bigint NOT NULL DEFAULT 0, PRIMARY KEY (id)""";
    private static final String INSERT = """
            INSERT INTO %s (id, name, note, amount, quantity, big, flag, at, local_at, day, document, folded, keys,
                status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), upper(cast(? AS text)) || '!', cast(? AS text[]),
                'active')
            ON CONFLICT (id) DO NOTHING""";

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.execute("DROP SCHEMA IF EXISTS model CASCADE");
        jdbc.execute("CREATE SCHEMA model");
        jdbc.execute("CREATE TABLE model.batched (" + COLUMNS + ")");
        jdbc.execute("CREATE TABLE model.unnested (" + COLUMNS + ")");
    }

    @Test
    void writesTheSameRowsAsTheBatch() {
        UUID duplicate = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2026-12-08T01:02:03.123456Z"));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {duplicate, "Ada", "first of the duplicates", new BigDecimal("12.3400"), 3, 1L << 40,
                true, at, at, LocalDate.of(2026, 2, 28), "{\"a\": [1, \"two\"]}", "Ada", new String[] {"a", null}});
        rows.add(new Object[] {duplicate, "Eve", "second of the duplicates: DO NOTHING keeps the first", null, null,
                null, false, null, null, null, null, null, null});
        rows.add(new Object[] {UUID.randomUUID(), null, null, null, null, null, null, null, null, null, null, null,
                new String[0]});
        for (String awkward : List.of("NULL", "null", "", " ", "\"quoted\"", "back\\slash", "{braces}", "a,b",
                "it's", "tab\tand\nnewline", "Zoë 😀 ∑", "(parens)", "\\N")) {
            rows.add(new Object[] {UUID.randomUUID(), awkward, awkward, new BigDecimal("-0.0001"), -1, 0L, false,
                    new Timestamp(0), new Timestamp(0), LocalDate.of(1999, 12, 31), "\"" + awkward.replace("\\", "\\\\")
                    .replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"", awkward,
                    new String[] {awkward, "NULL", null, awkward}});
        }

        jdbc.batchUpdate(INSERT.formatted("model.batched"), rows);
        assertThat(UnnestInsert.tryExecute(jdbc, INSERT.formatted("model.unnested"), rows)).isTrue();

        String select = "SELECT row(t.*)::text FROM model.%s t ORDER BY id";
        List<String> batched = jdbc.queryForList(select.formatted("batched"), String.class);
        assertThat(batched).hasSize(rows.size() - 1);
        assertThat(jdbc.queryForList(select.formatted("unnested"), String.class)).isEqualTo(batched);
    }

    @Test
    void refusesATooLongTextAsTheBatchDoes() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {UUID.randomUUID(), "a", "x".repeat(61), null, null, null,
                null, null, null, null, null, null, null}, new Object[] {UUID.randomUUID(), "b", null, null, null, null,
                null, null, null, null, null, null, null});

        assertThatThrownBy(() -> jdbc.batchUpdate(INSERT.formatted("model.batched"), rows))
                .hasMessageContaining("value too long");
        assertThatThrownBy(() -> UnnestInsert.tryExecute(jdbc, INSERT.formatted("model.unnested"), rows))
                .hasMessageContaining("value too long");
    }

    @Test
    void leavesToTheBatchWhatItCannotSendAsText() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {UUID.randomUUID(), "a", null, null, null, null, null,
                null, null, null, null, null, null}, new Object[] {UUID.randomUUID(), "b", null, null, null, null, null,
                null, null, null, null, null, new double[] {1.0}});

        assertThat(UnnestInsert.tryExecute(jdbc, INSERT.formatted("model.unnested"), rows)).isFalse();
        assertThat(UnnestInsert.tryExecute(jdbc, "INSERT INTO model.unnested (id, name, status) VALUES (?, lower(?), 'x')",
                List.of(new Object[] {UUID.randomUUID(), "A"}, new Object[] {UUID.randomUUID(), "B"}))).isFalse();
        assertThat(UnnestInsert.tryExecute(jdbc, "INSERT INTO model.unnested (id, missing, status) VALUES (?, ?, 'x')",
                List.of(new Object[] {UUID.randomUUID(), "A"}, new Object[] {UUID.randomUUID(), "B"}))).isFalse();
        assertThat(UnnestInsert.tryExecute(jdbc, "UPDATE model.unnested SET name = ? WHERE id = ?",
                List.of(new Object[] {"A", UUID.randomUUID()}, new Object[] {"B", UUID.randomUUID()}))).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM model.unnested", Long.class)).isZero();
    }
}
