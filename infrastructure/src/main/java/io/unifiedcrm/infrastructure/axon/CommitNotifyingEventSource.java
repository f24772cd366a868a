package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store as the pooled streaming processors read it, telling them when there is something to read.
 * Without such a signal Axon's pooled processor looks for new events only every 500 ms once it has caught up, which
 * was the whole command→projection lag in the benchmark. Events committed in this JVM wake the processors shortly
 * after the commit: the first commit schedules a wake-up {@code wakeUpDelay} later and the commits until then ride
 * on it, so that under load the processors read once per delay instead of once per commit. They read through a
 * {@link SharedEventReader}: one query per wake-up for all of them, none between wake-ups. A commit after the
 * wake-up has started schedules the next one: no signal is lost. Events written by another JVM (the split topology)
 * are noticed within {@code pollInterval}.
 */
public class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitNotifyingEventSource.class);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-availability");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final Duration wakeUpDelay;
    private final Duration gapWarningAge;
    private final SharedEventReader reader;

    public CommitNotifyingEventSource(EventStore eventStore, Duration pollInterval, Duration wakeUpDelay) {
        this(eventStore, null, pollInterval, wakeUpDelay, EventGapSettings.DEFAULTS.warnAfter(),
                SharedReading.DEFAULTS);
    }

    /**
     * @param engine        the storage engine, whose reads of a batch the shared reading uses (one query each); null:
     *                      the event store's streams (Axon's own engines, in tests)
     * @param gapWarningAge a stream logs a warning when a gap in its position (a global index taken by a writer
     *                      that has not committed) is still open this long after the stream first saw it: a writer
     *                      holding its transaction that long comes close to the gap timeout, after which its event
     *                      would be skipped (see {@link EventGapSettings})
     */
    public CommitNotifyingEventSource(EventStore eventStore, PostgresEventStorageEngine engine, Duration pollInterval,
                                      Duration wakeUpDelay, Duration gapWarningAge, SharedReading sharedReading) {
        this.eventStore = eventStore;
        this.reader = new SharedEventReader(eventStore::openStream,
                engine != null ? engine::readBatch : this::readFromStream, sharedReading.capacity(),
                SharedEventReader.WINDOWS,
                sharedReading.fetchSize(), sharedReading.stallTimeout(), System::nanoTime, this::wakeProcessors);
        this.wakeUpDelay = wakeUpDelay;
        this.gapWarningAge = gapWarningAge;
        eventStore.subscribe(events -> {
            if (RequestTransaction.isActive() && TransactionSynchronizationManager.isSynchronizationActive()) {
                // the unit of work only joined the request's transaction: its commit is not yet the database's
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        scheduleWakeUp();
                    }
                });
            } else if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> scheduleWakeUp());
            } else {
                scheduleWakeUp();
            }
        });
        poller.scheduleWithFixedDelay(this::signal, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The events available now after the token, at most {@code atMost}, from a stream of the event store. */
    private List<TrackedEventMessage<?>> readFromStream(TrackingToken token, int atMost) {
        List<TrackedEventMessage<?>> events = new java.util.ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
            while (events.size() < atMost && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    private void scheduleWakeUp() {
        if (wakeUpDelay.isZero()) {
            signal();
        } else if (wakeUpScheduled.compareAndSet(false, true)) {
            poller.schedule(() -> {
                wakeUpScheduled.set(false);
                signal();
            }, wakeUpDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** New events may have been committed: the reader may fetch again, and the processors look. */
    private void signal() {
        reader.newEventsMayExist();
        wakeProcessors();
    }

    private void wakeProcessors() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(reader.open(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        reader.close();
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = delegate.nextAvailable();
            watchGaps(event.trackingToken());
            return event;
        }

        /** Gap index → when this stream first saw it open; bounded by the token's gaps. */
        private final java.util.Map<Long, Instant> openGaps = new java.util.HashMap<>();

        private void watchGaps(TrackingToken token) {
            if (!(token instanceof GapAwareTrackingToken gapAware)) {
                return;
            }
            java.util.SortedSet<Long> gaps = gapAware.getGaps();
            if (gaps.isEmpty() && openGaps.isEmpty()) {
                return;
            }
            openGaps.keySet().retainAll(gaps);
            Instant now = Instant.now();
            long oldest = -1;
            int overdue = 0;
            for (Long gap : gaps) {
                Instant firstSeen = openGaps.putIfAbsent(gap, now);
                if (firstSeen != null && firstSeen != Instant.MIN
                        && Duration.between(firstSeen, now).compareTo(gapWarningAge) >= 0) {
                    oldest = oldest < 0 ? gap : oldest;
                    overdue++;
                    openGaps.put(gap, Instant.MIN);
                }
            }
            if (overdue > 0) {
                LOG.warn("{} global index(es) of the event table, the lowest {}, have been missing for {} or more "
                        + "(the stream is at {}): a writer holding a long transaction (its event is skipped if it "
                        + "commits after the gap timeout) or appends that were rolled back", overdue, oldest,
                        gapWarningAge, gapAware.getIndex());
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
