package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as the pooled streaming processors read it, telling them when there is something to read.
 * Without such a signal Axon's pooled processor looks for new events only every 500 ms once it has caught up, which
 * was the whole command→projection lag in the benchmark. Events committed in this JVM wake the processors shortly
 * after the commit: the first commit schedules a wake-up {@code wakeUpDelay} later and the commits until then ride
 * on it, so that under load every processor fetches once per delay instead of once per commit (each processing
 * group reads every event, so fetches multiply with the groups). A commit after the wake-up has started schedules
 * the next one: no signal is lost. Events written by another JVM (the split topology) are noticed within
 * {@code pollInterval}.
 */
public class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-availability");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final Duration wakeUpDelay;

    public CommitNotifyingEventSource(EventStore eventStore, Duration pollInterval, Duration wakeUpDelay) {
        this.eventStore = eventStore;
        this.wakeUpDelay = wakeUpDelay;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> scheduleWakeUp());
            } else {
                scheduleWakeUp();
            }
        });
        poller.scheduleWithFixedDelay(this::signal, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
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

    private void signal() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(eventStore.openStream(trackingToken));
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
            return delegate.nextAvailable();
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
