package io.unifiedcrm.projection.runtime;

import io.unifiedcrm.projection.runtime.deadletters.EventSavepoints;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection processor's handlers, run a batch at a time at the cost of its writes. Each batch (one transaction)
 * defers its read-model writes ({@link ReadModelJdbc#write}) and sends them as JDBC batches when it commits, with no
 * savepoint per event. A processor whose group has a dead-letter queue ({@code recovers}) sets one savepoint at the
 * batch's start; when a handler fails, or the batch's writes fail when they are sent, the batch is rolled back to it
 * and its events so far are handled again one by one, each on a savepoint of its own with its writes sent at once
 * ({@link EventSavepoints#isolate}): the failing event is rolled back alone and dead-lettered with its sequence, the
 * others' writes stay, and the batch goes on deferring. Without a dead-letter queue a failure fails the batch, which
 * the processor retries.
 */
public final class BatchingInvoker implements EventHandlerInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingInvoker.class);

    /** How long a reset's {@code TRUNCATE} waits for the readers of the projection's tables. */
    static final String TRUNCATE_LOCK_TIMEOUT = "2s";

    private final EventHandlerInvoker delegate;
    private final JdbcTemplate jdbc;
    private final EventSavepoints savepoints;
    private final boolean recovers;
    private final List<String> emptiedAtReset;
    private final ReadModelDelay delay;
    /** Whether any handler takes a payload type (or a supertype of it): most events are for other projections. */
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();
    /** Whether a replay offers an event to every handler ({@code @DisallowReplay} on none of them). */
    private final boolean everyHandlerReplays;

    /**
     * @param savepoints the savepoints of the processor's transactions; may be null when the invoker does not recover
     * @param recovers whether a failed event can be dead-lettered (the group has a dead-letter queue): then the batch
     *                 is recovered event by event; else a failure fails the batch
     */
    public BatchingInvoker(EventHandlerInvoker delegate, JdbcTemplate jdbc, EventSavepoints savepoints,
                           boolean recovers) {
        this(delegate, jdbc, savepoints, recovers, List.of(), null);
    }

    /**
     * @param emptiedAtReset the projection's tables, emptied with one {@code TRUNCATE} when the processor is reset (a
     *                       replay from the first event) before its reset handlers run
     * @param delay          records when each batch's events became visible in the read model; may be null
     */
    public BatchingInvoker(EventHandlerInvoker delegate, JdbcTemplate jdbc, EventSavepoints savepoints,
                           boolean recovers, List<String> emptiedAtReset, ReadModelDelay delay) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.savepoints = savepoints;
        this.recovers = recovers;
        this.emptiedAtReset = List.copyOf(emptiedAtReset);
        this.delay = delay;
        this.everyHandlerReplays = !(delegate instanceof MultiEventHandlerInvoker multi)
                || multi.delegates().stream().allMatch(EventHandlerInvoker::supportsReset);
    }

    public EventHandlerInvoker delegate() {
        return delegate;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        // Axon asks this for every event of the stream and every segment, and answers by asking each handler method
        // (and the sequencing policy) per event; the payload type is answered from the map. A segment that is the
        // whole stream holds every sequence, and when a replay leaves no handler out, the type decides. A handler
        // whose parameters refuse the message (@SequenceNumber of an event not sourced from an aggregate) is then
        // offered it and not invoked, as Axon's adapter does with a message no handler takes.
        if (!canHandleType(event.getPayloadType())) {
            return false;
        }
        if (segment.getMask() == 0 && (everyHandlerReplays || !ReplayToken.isReplay(event))) {
            return true;
        }
        return delegate.canHandle(event, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, delegate::canHandleType);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        if (!CurrentUnitOfWork.isStarted()) {
            delegate.handle(event, segment);
            return;
        }
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch == null) {
            batch = begin(CurrentUnitOfWork.get());
        }
        if (!batch.defersWrites()) {
            isolated(event, segment);
            return;
        }
        batch.handled(event, segment);
        try {
            delegate.handle(event, segment);
        } catch (Exception failure) {
            if (!recovers) {
                throw failure;
            }
            batch.fail(failure);
        }
        if (batch.failedWhileDeferring()) {
            recover(batch);
        }
    }

    private ProcessorBatch begin(UnitOfWork<?> unitOfWork) throws SQLException {
        ProcessorBatch batch = ProcessorBatch.start(unitOfWork);
        if (recovers) {
            savepoints.checkpoint();
        }
        unitOfWork.root().onPrepareCommit(ignored -> complete(batch));
        if (delay != null) {
            unitOfWork.root().afterCommit(ignored -> delay.committed(batch.createdMillis(), System.currentTimeMillis()));
        }
        return batch;
    }

    /** Sends what the batch deferred; a failure recovers the batch event by event, then sends the rest. */
    private void complete(ProcessorBatch batch) {
        try {
            send(batch);
        } catch (RuntimeException failure) {
            if (!recovers) {
                throw failure;
            }
            batch.fail(failure);
            recover(batch);
            send(batch);
        }
    }

    private void send(ProcessorBatch batch) {
        batch.writes().flushTo(jdbc);
        if (savepoints != null) {
            savepoints.flushParticipants();
        }
    }

    /**
     * Rolls the batch back to its checkpoint and handles its events again, one by one on savepoints of their own; a
     * failing one is dead-lettered. Then the batch defers again from a new checkpoint.
     */
    private void recover(ProcessorBatch batch) {
        try {
            savepoints.rollBackToCheckpoint();
            batch.discard();
            batch.isolating(true);
            for (ProcessorBatch.Handled handled : batch.takeHandled()) {
                isolated(handled.event(), handled.segment());
            }
            batch.isolating(false);
            savepoints.checkpoint();
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IllegalStateException("The batch could not be handled event by event", failure);
        }
    }

    private void isolated(EventMessage<?> event, Segment segment) throws Exception {
        savepoints.isolate(() -> delegate.handle(event, segment));
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    /**
     * Empties the projection's tables, then lets its reset handlers clear what else they keep. A {@code DELETE} of
     * every row (what the reset handlers do) leaves the dead rows and their index entries to the replay that follows:
     * each insert of the same key checks the dead one, and autovacuum competes with the replay; on a replay of 215,000
     * person creations that was 30 % more PostgreSQL CPU. Only for a reset to the first event (the only one the
     * runtime makes, {@code resetTokens()} to the initial token): the replay rebuilds every row.
     */
    @Override
    public <R> void performReset(R resetContext) {
        if (!emptiedAtReset.isEmpty()) {
            truncate();
        }
        delegate.performReset(resetContext);
    }

    /**
     * {@code TRUNCATE} needs the tables' exclusive lock, and while it waits for the transactions reading them, every
     * new reader waits behind it: it waits {@value #TRUNCATE_LOCK_TIMEOUT} at most, and when that is not enough the
     * reset handlers delete the rows as before (on a savepoint, so the reset's transaction goes on).
     */
    private void truncate() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint beforeTruncate = connection.setSavepoint();
            try (Statement statements = connection.createStatement()) {
                statements.execute("SET LOCAL lock_timeout = '" + TRUNCATE_LOCK_TIMEOUT + "'");
                statements.execute("TRUNCATE " + String.join(", ", emptiedAtReset));
                statements.execute("SET LOCAL lock_timeout TO DEFAULT");
                connection.releaseSavepoint(beforeTruncate);
            } catch (SQLException lockNotAvailable) {
                LOG.info("The reset could not truncate {} within {} ({}); the reset handlers delete the rows instead",
                        emptiedAtReset, TRUNCATE_LOCK_TIMEOUT, lockNotAvailable.getMessage());
                connection.rollback(beforeTruncate);
            }
            return null;
        });
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
