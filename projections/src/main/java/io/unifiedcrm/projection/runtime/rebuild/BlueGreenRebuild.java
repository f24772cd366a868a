package io.unifiedcrm.projection.runtime.rebuild;

import io.unifiedcrm.infrastructure.processing.ProcessorErrors;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One rebuild without downtime of one projection. A second processor, {@code <name>.rebuild}, runs the live
 * processor's very handlers from the first event into shadow tables ({@link ShadowTables}): its transactions rewrite
 * the handlers' SQL ({@link ShadowTransactionManager}), its tokens are replay tokens (handlers see a replay, and
 * {@code @DisallowReplay} handlers do not run), and the live processor and tables keep working meanwhile. Once the
 * shadow processor's position has reached the head of the event stream as read just before (its lowest segment at
 * or past the newest event committed then), both processors stop, the shadow tables and tokens replace the live ones
 * in one transaction, and the live processor starts again from where the shadow stopped. Any failure before that
 * transaction commits drops the shadow and leaves the live tables as they were.
 *
 * <p>Driven by {@link #step()} from one thread until its state is final.
 */
final class BlueGreenRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(BlueGreenRebuild.class);
    private static final int SWITCH_ATTEMPTS = 20;
    /** lock_not_available, deadlock_detected */
    private static final Set<String> LOCK_CONFLICTS = Set.of("55P03", "40P01");

    /** What a rebuild needs of the application. */
    record Collaborators(TokenStore tokenStore, TransactionManager transactionManager,
                         StreamableMessageSource<TrackedEventMessage<?>> messageSource, Supplier<Long> head,
                         JdbcTemplate jdbc, int batchSize) {
    }

    private final String name;
    private final String shadowName;
    private final StreamingEventProcessor live;
    private final EventHandlerInvoker handlers;
    private final List<String> tables;
    private final ShadowTables shadow;
    private final Collaborators with;
    private final Instant startedAt = Instant.now();

    private volatile RebuildState state = RebuildState.COPYING;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile Long position;
    private volatile Long head;
    private volatile long replayStartedNanos;
    private volatile long replayEndedNanos;
    private int segmentCount;
    private ShadowProcessor processor;

    BlueGreenRebuild(String name, StreamingEventProcessor live, EventHandlerInvoker handlers, List<String> tables,
                     ShadowTables shadow, Collaborators with) {
        this.name = name;
        this.shadowName = name + ".rebuild";
        this.live = live;
        this.handlers = handlers;
        this.tables = tables;
        this.shadow = shadow;
        this.with = with;
    }

    RebuildState state() {
        return state;
    }

    /** Does what the state calls for: create the shadow and start replaying, or see whether it has caught up. */
    void step() {
        try {
            switch (state) {
                case COPYING -> startShadow();
                case CATCHING_UP -> {
                    if (caughtUp()) {
                        switchOver();
                    }
                }
                default -> {
                }
            }
        } catch (RuntimeException | Error failure) {
            fail(failure);
        }
    }

    private void startShadow() {
        shadow.create();
        ShadowTransactionManager shadowTransactions = new ShadowTransactionManager(with.transactionManager(),
                shadow.rewrite());
        String probe = shadowTransactions.fetchInTransaction(
                () -> with.jdbc().queryForObject("SELECT '" + tables.get(0) + "'", String.class));
        if (!shadow.shadowOf(tables.get(0)).equals(probe)) {
            throw new IllegalStateException("The projections' connections are not rewritten: their DataSource bean "
                    + "must be named '" + ShadowSqlConfiguration.DATA_SOURCE + "'");
        }
        TokenStore tokens = with.tokenStore();
        int[] segments = with.transactionManager().fetchInTransaction(() -> tokens.fetchSegments(name));
        if (segments.length == 0) {
            throw new IllegalStateException("'" + name + "' has no segments yet");
        }
        segmentCount = segments.length;
        processor = ShadowProcessor.create(shadowName, segments, handlers, with.messageSource(), tokens,
                with.transactionManager(), shadowTransactions, with.batchSize(), with.jdbc());
        replayStartedNanos = System.nanoTime();
        state = RebuildState.CATCHING_UP;
        processor.start();
        LOG.info("Rebuilding {} without downtime: replaying into {}", name, tables.stream().map(shadow::shadowOf)
                .toList());
    }

    private boolean caughtUp() {
        Long newest = with.head().get();
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        for (EventTrackerStatus segment : segments.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("segment " + segment.getSegment().getSegmentId() + " failed: "
                        + ProcessorErrors.describe(segment.getError()), segment.getError());
            }
        }
        if (processor.failure().isPresent()) {
            Exception failure = processor.failure().get();
            throw new IllegalStateException("a handler failed: " + ProcessorErrors.describe(failure), failure);
        }
        if (processor.isError()) {
            throw new IllegalStateException("the shadow processor failed");
        }
        // a segment without a position (or not reported yet) has committed nothing of the replay yet
        long reached = segments.size() < segmentCount ? 0 : segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0);
        position = reached;
        head = newest;
        return newest == null || reached >= newest;
    }

    private void switchOver() {
        state = RebuildState.SWITCHING;
        replayEndedNanos = System.nanoTime();
        shadow.analyze();
        boolean liveWasRunning = live.isRunning();
        processor.stop();
        Timestamp shadowStoppedAt = with.jdbc().queryForObject("SELECT clock_timestamp()", Timestamp.class);
        live.shutdownAsync().join();
        try {
            switchWithRetries(shadowStoppedAt);
        } catch (RuntimeException | Error notSwitched) {
            if (liveWasRunning) {
                live.start();
            }
            throw notSwitched;
        }
        // the rebuilt tables are in place: a live processor that does not start again is not a failed rebuild
        if (liveWasRunning) {
            try {
                live.start();
            } catch (RuntimeException startFailure) {
                LOG.error("Rebuilt {} without downtime, but its live processor did not start again", name,
                        startFailure);
                error = "The rebuilt tables are in place, but the live processor did not start again: "
                        + ProcessorErrors.describe(startFailure);
            }
        }
        finishedAt = Instant.now();
        state = RebuildState.DONE;
        LOG.info("Rebuilt {} without downtime: the new tables serve queries from position {}", name, position);
    }

    private void switchWithRetries(Timestamp shadowStoppedAt) {
        for (int attempt = 1; ; attempt++) {
            try {
                shadow.switchTo(name, shadowName, shadowStoppedAt);
                return;
            } catch (ShadowTables.Retry | DataAccessException failure) {
                if (attempt == SWITCH_ATTEMPTS || !(failure instanceof ShadowTables.Retry || isLockConflict(failure))) {
                    throw failure;
                }
                LOG.info("Switch of {} to its rebuilt tables: attempt {} failed ({}), trying again", name, attempt,
                        failure instanceof DataAccessException access ? access.getMostSpecificCause().getMessage()
                                : failure.getMessage());
            }
        }
    }

    /** A lock not granted within the lock timeout, or a deadlock: the next attempt may get it. */
    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void fail(Throwable failure) {
        LOG.warn("Rebuild of {} without downtime failed; the live tables are unchanged", name, failure);
        String cause = ProcessorErrors.describe(failure);
        try {
            if (processor != null) {
                processor.stop();
            }
            shadow.drop(shadowName);
        } catch (RuntimeException cleanup) {
            LOG.warn("Could not remove the shadow of {}; the next rebuild removes it", name, cleanup);
            cause += "; removing the shadow tables failed: " + ProcessorErrors.describe(cleanup);
        }
        error = cause;
        finishedAt = Instant.now();
        state = RebuildState.FAILED;
    }

    /** Stops the shadow and drops it, unless the rebuild is over. */
    void abandon(String why) {
        if (!state.isFinal()) {
            fail(new IllegalStateException(why));
        }
    }

    RebuildStatus status() {
        RebuildState current = state;
        Long reached = position;
        Long newest = head;
        Double percent = null;
        Double rate = null;
        Long eta = null;
        if (reached != null && newest != null && newest > 0) {
            percent = Math.min(100.0, Math.floor(reached * 1000.0 / newest) / 10.0);
        }
        long started = replayStartedNanos;
        if (reached != null && started != 0) {
            long ended = replayEndedNanos;
            double seconds = ((ended != 0 ? ended : System.nanoTime()) - started) / 1e9;
            rate = seconds > 0 ? Math.round(reached / seconds * 10.0) / 10.0 : null;
            if (rate != null && rate > 0 && newest != null) {
                eta = current == RebuildState.CATCHING_UP ? (long) Math.ceil(Math.max(0, newest - reached) / rate) : 0;
            }
        }
        return new RebuildStatus(name, current, startedAt, finishedAt, reached, newest, percent, rate, eta, error);
    }
}
