package io.unifiedcrm.projection.runtime;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * How projections read and write their read models. Inside a projection processor's batch ({@link ProcessorBatch})
 * a {@link #write} waits and goes to the database with the batch's other writes as JDBC batches — at the batch's
 * end, or before the next read through this class, so a handler always reads what earlier handlers wrote. Outside a
 * batch (a reset, a dead letter's retry, an as-of replay) and while a batch isolates its events after a failure,
 * every statement runs at once.
 */
public class ReadModelJdbc {

    private final JdbcTemplate jdbc;

    public ReadModelJdbc(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A write whose update count does not matter: deferred inside a batch.
     *
     * @param footprint the rows and tables the statement touches (writes with disjoint footprints may be reordered)
     */
    public void write(Footprint footprint, String sql, Object... arguments) {
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch != null && batch.defersWrites()) {
            batch.writes().add(footprint, sql, arguments);
        } else {
            jdbc.update(sql, arguments);
        }
    }

    /** The same statement once per argument row, deferred inside a batch like {@link #write}. */
    public void writeAll(Footprint footprint, String sql, List<Object[]> arguments) {
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch != null && batch.defersWrites()) {
            arguments.forEach(row -> batch.writes().add(footprint, sql, row));
        } else if (!arguments.isEmpty()) {
            jdbc.batchUpdate(sql, arguments);
        }
    }

    /** A write whose update count the caller needs: sends the pending writes, then runs it at once. */
    public int update(String sql, Object... arguments) {
        flush();
        return jdbc.update(sql, arguments);
    }

    /** The same statement once per argument row, at once (after the pending writes). */
    public int[] batchUpdate(String sql, List<Object[]> arguments) {
        flush();
        return jdbc.batchUpdate(sql, arguments);
    }

    public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... arguments) {
        flush();
        return jdbc.query(sql, rowMapper, arguments);
    }

    public List<Map<String, Object>> queryForList(String sql, Object... arguments) {
        flush();
        return jdbc.queryForList(sql, arguments);
    }

    /**
     * A read of rows that no pending write of the batch touches — e.g. rows the caller keeps track of in a
     * {@link #batchCache}: runs without sending the pending writes first.
     */
    public <T> List<T> queryUntouched(String sql, RowMapper<T> rowMapper, Object... arguments) {
        return jdbc.query(sql, rowMapper, arguments);
    }

    /** Sends the batch's pending writes now. */
    public void flush() {
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch != null) {
            batch.writes().flushTo(jdbc);
        }
    }

    /**
     * A map that lives as long as the current batch's deferred writes (see {@link ProcessorBatch}): what a projection
     * remembers of rows it wrote in this batch. Outside a batch, a map that keeps nothing.
     */
    public <K, V> Map<K, V> batchCache(String name) {
        ProcessorBatch batch = ProcessorBatch.current();
        return batch == null ? new ForgetfulMap<>() : batch.cache(name);
    }
}
