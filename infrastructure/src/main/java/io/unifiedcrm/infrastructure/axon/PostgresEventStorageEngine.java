package io.unifiedcrm.infrastructure.axon;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine with reads of the event stream that cost the same whether the stream is caught up,
 * far behind, or full of gaps:
 * <ul>
 *   <li>events after a position are read with {@code global_index > ? ORDER BY global_index LIMIT ?} — an index scan
 *       that stops after a batch — rather than Axon's range of the next batch-size indexes, which finds nothing
 *       behind a run of unused indexes longer than a batch and then asks for {@code min(global_index)} ahead (a
 *       second query on every empty poll);</li>
 *   <li>the gaps of a position (indexes taken by writers not committed yet, or rolled back) are read with one array
 *       parameter, {@code global_index = ANY(?)}, rather than one parameter each (PostgreSQL's protocol allows 65,535,
 *       and tens of thousands of gaps would make every read fail);</li>
 *   <li>a read is one statement, without a transaction around it;</li>
 *   <li>a gap is forgotten once it has been open for the gap timeout, by the time this engine first saw it — no
 *       query: Axon decides it from the timestamps of the events around the gaps, reading every event from the
 *       lowest gap to the position on every read of a position with more than 250 gaps.</li>
 * </ul>
 */
public class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    private static final long PRUNE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final EventSchema schema;
    private final long gapTimeoutNanos;
    private final LongSupplier nanoClock;
    /** Gap index → when a read first saw it open. */
    private final Map<Long, Long> gapsFirstSeen = new ConcurrentHashMap<>();
    private volatile long nextPruneNanos;

    public PostgresEventStorageEngine(Builder builder, EventSchema schema, Duration gapTimeout,
                                      LongSupplier nanoClock) {
        super(builder.extendedGapCheckEnabled(false).gapCleaningThreshold(Integer.MAX_VALUE).schema(schema));
        this.schema = schema;
        this.gapTimeoutNanos = gapTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * One statement on a connection of its own: no transaction around it (Axon's begins one through the transaction
     * manager for each read, two more round trips, and a JPA session, for every poll of every processor).
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Token " + lastToken + " is no " + GapAwareTrackingToken.class);
        }
        GapAwareTrackingToken from = (GapAwareTrackingToken) withoutTimedOutGaps(lastToken);
        return JdbcUtils.executeQuery(getConnection(), connection -> readEventData(connection, from, batchSize),
                resultSet -> {
                    GapAwareTrackingToken previous = from;
                    List<TrackedEventData<?>> events = new ArrayList<>();
                    while (resultSet.next()) {
                        TrackedEventData<?> event = getTrackedEventData(resultSet, previous);
                        events.add(event);
                        previous = (GapAwareTrackingToken) event.trackingToken();
                    }
                    return events;
                },
                failure -> new EventStoreException("Failed to read events after " + from, failure));
    }

    /**
     * The next events after {@code token}, at most {@code atMost} entries of the event table (an upcaster may make
     * more events of one): one statement, and nothing more when there are none.
     */
    public List<TrackedEventMessage<?>> readBatch(TrackingToken token, int atMost) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, atMost).stream(),
                getEventSerializer(), upcasterChain).toList();
    }

    /** The token without the gaps below the lowest one that has been open for less than the gap timeout. */
    TrackingToken withoutTimedOutGaps(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return token;
        }
        long now = nanoClock.getAsLong();
        long keepFrom = Long.MAX_VALUE;
        for (Long gap : gapAware.getGaps()) {
            long firstSeen = gapsFirstSeen.computeIfAbsent(gap, ignored -> now);
            if (now - firstSeen < gapTimeoutNanos) {
                keepFrom = Math.min(keepFrom, gap);
            }
        }
        prune(now);
        if (keepFrom == gapAware.getGaps().first()) {
            return token;
        }
        return keepFrom == Long.MAX_VALUE ? GapAwareTrackingToken.newInstance(gapAware.getIndex(), List.of())
                : gapAware.withGapsTruncatedAt(keepFrom);
    }

    /** Forgets gaps seen long ago: every read has dropped them by now (a later read sees them as new, and waits). */
    private void prune(long now) {
        if (now < nextPruneNanos) {
            return;
        }
        nextPruneNanos = now + PRUNE_INTERVAL_NANOS;
        gapsFirstSeen.values().removeIf(firstSeen -> now - firstSeen > 2 * gapTimeoutNanos);
    }

    @Override
    protected PreparedStatement readEventDataWithoutGaps(Connection connection, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? ORDER BY "
                + schema.globalIndexColumn() + " LIMIT ?");
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    @Override
    protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
                                                      List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        String fields = schema.trackedEventFields();
        String table = schema.domainEventTable();
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM ("
                + "(SELECT " + fields + " FROM " + table + " WHERE " + index + " > ? ORDER BY " + index + " LIMIT ?)"
                + " UNION ALL (SELECT " + fields + " FROM " + table + " WHERE " + index + " = ANY(?))"
                + ") AS events ORDER BY " + index);
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        Array array = connection.createArrayOf("bigint", gaps.toArray());
        statement.setArray(3, array);
        return statement;
    }

    /**
     * An aggregate's event as a tracked event, with its global index as token (the statement reads the column
     * anyway): whoever reads an aggregate's history through {@code EventStore.readEvents} — the as-of replays — can
     * put the events of several aggregates into the order the processors saw them in. Event sourcing ignores it.
     */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> event = super.getDomainEventData(resultSet);
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        return resultSet.wasNull() ? event
                : new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(globalIndex, List.of()), event);
    }
}
