package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One read of the event stream for every processor of the JVM. The event processors' streams ({@link Cursor}s) that
 * are at the same position read the same events from a bounded window in memory, which one of them fills from the
 * event store when all have read what it holds: each event is fetched and deserialized once, not once per
 * processing group, and a poll for new events is one query however many processors wait for them.
 *
 * <p>The window holds at most {@code capacity} events. A cursor joins it when its token equals the token before one
 * of the window's events (then what it reads from there is exactly what it would read from the store itself: the
 * store's events after that token, gap fillers included, each with the token the store gives it). A cursor that
 * cannot join reads the store itself, privately, and joins as soon as its token matches. When the window is full and
 * its oldest event is still needed by a cursor, the others wait for that cursor, unless it has not moved for
 * {@code stallTimeout}: then it leaves the window and goes on privately, so that a stopped or stuck processor never
 * holds back the others. When no cursor is left in the window, the next one to come anchors it at its own position
 * (a replay of every projection at once shares the window from the first event).
 */
final class SharedEventReader {

    private final Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store;
    private final EventBatches batches;
    private final int capacity;
    private final int fetchSize;
    private final long stallTimeoutNanos;
    private final LongSupplier nanoClock;
    private final Runnable onNewEvents;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Entry[] slots;
    /** Window positions: the oldest event held is at {@code first}, the next one fetched goes to {@code next}. */
    private long first;
    private long next;
    /** The token before the event at {@code first}: where a cursor must be to read the whole window. */
    private TrackingToken anchor;
    private TrackingToken sourceToken;
    /** Events read from the store that did not fit into the window yet. */
    private final java.util.ArrayDeque<TrackedEventMessage<?>> carriedOver = new java.util.ArrayDeque<>();
    private final List<Cursor> inWindow = new ArrayList<>();
    private boolean anchored;
    /** Moves whenever new events may have been committed: a commit in this JVM, or the poll for other writers. */
    private final java.util.concurrent.atomic.AtomicLong mayHaveNewEvents = new java.util.concurrent.atomic.AtomicLong();
    /** The value of {@link #mayHaveNewEvents} when a fetch last reached the end of the stream; -1 if it did not. */
    private long exhaustedAt = -1;

    /** Reads the next events after a token from the event store, at most a number of them: one query. */
    @FunctionalInterface
    interface EventBatches {
        List<TrackedEventMessage<?>> after(TrackingToken token, int atMost);
    }

    /**
     * @param store        opens a stream of the event store at a token (for cursors reading privately)
     * @param batches      reads the window's next events from the event store
     * @param capacity     events held in memory at most
     * @param fetchSize    events fetched into the window at a time at most
     * @param stallTimeout how long a cursor may hold back the full window without moving
     * @param onNewEvents  called after events were added to the window or room was made (wakes the processors)
     */
    SharedEventReader(Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store, EventBatches batches,
                      int capacity, int fetchSize, Duration stallTimeout, LongSupplier nanoClock,
                      Runnable onNewEvents) {
        if (capacity < 1 || fetchSize < 1) {
            throw new IllegalArgumentException("capacity and fetch size must be positive");
        }
        this.store = store;
        this.batches = batches;
        this.capacity = capacity;
        this.fetchSize = Math.min(fetchSize, capacity);
        this.stallTimeoutNanos = stallTimeout.toNanos();
        this.nanoClock = nanoClock;
        this.onNewEvents = onNewEvents;
        this.slots = new Entry[capacity];
    }

    /**
     * New events may exist now (a commit, or the poll for other writers): until this is called again after a fetch
     * has reached the end of the stream, the window is not fetched again — the processors that reach its end after
     * the first one cost no query.
     */
    void newEventsMayExist() {
        mayHaveNewEvents.incrementAndGet();
    }

    /** A stream of the events after {@code token}, from the window where it can. */
    Cursor open(TrackingToken token) {
        Cursor cursor = new Cursor(token);
        lock.lock();
        try {
            cursor.tryToJoin();
        } finally {
            lock.unlock();
        }
        return cursor;
    }

    /** Events held in memory now (for tests and diagnostics). */
    int held() {
        lock.lock();
        try {
            return (int) (next - first);
        } finally {
            lock.unlock();
        }
    }

    /** Cursors reading from the window now. */
    int cursorsInWindow() {
        lock.lock();
        try {
            return inWindow.size();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            inWindow.clear();
        } finally {
            lock.unlock();
        }
    }

    private Entry entry(long position) {
        return slots[(int) (position % capacity)];
    }

    private TrackingToken tokenBefore(long position) {
        return position == first ? anchor : entry(position - 1).event().trackingToken();
    }

    /** The window position whose preceding token equals {@code token}, or -1. Newest first: the common case. */
    private long positionAfter(TrackingToken token) {
        for (long position = next; position >= first; position--) {
            if (Objects.equals(tokenBefore(position), token)) {
                return position;
            }
        }
        return -1;
    }

    private void anchorAt(TrackingToken token) {
        exhaustedAt = -1;
        carriedOver.clear();
        for (long position = first; position < next; position++) {
            slots[(int) (position % capacity)] = null;
        }
        first = next;
        anchor = token;
        sourceToken = token;
        anchored = true;
    }

    /**
     * Fills the window from the store for a cursor that has read all of it: makes room by forgetting what no cursor
     * needs any more (or by sending stalled cursors away), then fetches what is available now, up to the fetch size.
     * Called with the lock held.
     */
    private boolean fetchFor(Cursor cursor) {
        if (cursor.position < next) {
            return true;
        }
        if (next - first >= capacity) {
            makeRoom();
            if (next - first >= capacity) {
                return false;
            }
        }
        long asOf = mayHaveNewEvents.get();
        if (exhaustedAt == asOf && carriedOver.isEmpty()) {
            return false;
        }
        int room = (int) Math.min(fetchSize, capacity - (next - first));
        int fetched = 0;
        if (carriedOver.isEmpty()) {
            List<TrackedEventMessage<?>> batch = batches.after(sourceToken, room);
            if (!batch.isEmpty()) {
                sourceToken = batch.get(batch.size() - 1).trackingToken();
            }
            carriedOver.addAll(batch);
            exhaustedAt = batch.size() < room ? asOf : -1;
        }
        // an upcaster may make more events of an entry than were asked for: they wait for the next room
        TrackingToken previous = tokenBefore(next);
        while (!carriedOver.isEmpty() && next - first < capacity) {
            TrackedEventMessage<?> event = carriedOver.poll();
            slots[(int) (next % capacity)] = new Entry(EventPosition.withGlobalIndex(event, previous));
            previous = event.trackingToken();
            next++;
            fetched++;
        }
        if (fetched > 0) {
            changed.signalAll();
            onNewEvents.run();
        }
        return cursor.position < next;
    }

    /** Forgets events every cursor has read; when that is not enough, sends stalled cursors to read privately. */
    private void makeRoom() {
        long now = nanoClock.getAsLong();
        long oldestNeeded = oldestNeeded();
        if (oldestNeeded == first) {
            List<Cursor> stalled = inWindow.stream().filter(cursor -> cursor.position == first
                    && now - cursor.lastMovedNanos >= stallTimeoutNanos).toList();
            stalled.forEach(Cursor::leaveWindow);
            oldestNeeded = oldestNeeded();
        }
        if (oldestNeeded > first) {
            anchor = tokenBefore(oldestNeeded);
            for (long position = first; position < oldestNeeded; position++) {
                slots[(int) (position % capacity)] = null;
            }
            first = oldestNeeded;
        }
    }

    private long oldestNeeded() {
        long oldest = next;
        for (Cursor cursor : inWindow) {
            oldest = Math.min(oldest, cursor.position);
        }
        return oldest;
    }

    private record Entry(TrackedEventMessage<?> event) {
    }

    /**
     * A processor's stream: from the window while it is in it, else from a private stream of the store.
     */
    final class Cursor implements BlockingStream<TrackedEventMessage<?>> {

        /** Private reads between attempts to join the window. */
        private static final int JOIN_ATTEMPT_INTERVAL = 256;

        private TrackingToken lastToken;
        private long position = -1;
        private long lastMovedNanos;
        private BlockingStream<TrackedEventMessage<?>> privateStream;
        private TrackedEventMessage<?> peeked;
        private int privateReadsSinceAttempt;
        private boolean closed;

        private Cursor(TrackingToken token) {
            this.lastToken = org.axonframework.eventhandling.WrappedToken.unwrapLowerBound(token);
            this.lastMovedNanos = nanoClock.getAsLong();
        }

        boolean inWindow() {
            return position >= 0;
        }

        /** Joins the window if the token matches (or anchors an unused window at it). Called with the lock held. */
        private void tryToJoin() {
            if (closed) {
                return;
            }
            if (!anchored || inWindow.isEmpty()) {
                anchorAt(lastToken);
            }
            long at = positionAfter(lastToken);
            if (at < 0) {
                return;
            }
            if (privateStream != null) {
                privateStream.close();
                privateStream = null;
            }
            position = at;
            lastMovedNanos = nanoClock.getAsLong();
            inWindow.add(this);
        }

        /** Called with the lock held. */
        private void leaveWindow() {
            inWindow.remove(this);
            position = -1;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(peeked != null || advance() ? peeked : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (peeked != null || advance()) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (timeout > 0 && System.nanoTime() < deadline) {
                lock.lock();
                try {
                    changed.await(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)),
                            TimeUnit.NANOSECONDS);
                } finally {
                    lock.unlock();
                }
                if (advance()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("The stream is closed");
                }
            }
            TrackedEventMessage<?> event = peeked;
            peeked = null;
            return event;
        }

        /** Reads the next event into {@code peeked} if one is available now. */
        private boolean advance() {
            if (closed) {
                return false;
            }
            if (!inWindow()) {
                if (readPrivately()) {
                    return true;
                }
            }
            lock.lock();
            try {
                if (!inWindow()) {
                    tryToJoin();
                    if (!inWindow()) {
                        return false;
                    }
                }
                if (!fetchFor(this)) {
                    return false;
                }
                boolean wasOldest = position == first;
                peeked = entry(position).event();
                position++;
                lastToken = peeked.trackingToken();
                lastMovedNanos = nanoClock.getAsLong();
                if (wasOldest && next - first >= capacity) {
                    // room for the cursors that wait for this one
                    changed.signalAll();
                    onNewEvents.run();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** The next event of the private stream, trying to join the window every so often. */
        private boolean readPrivately() {
            try {
                if (privateReadsSinceAttempt >= JOIN_ATTEMPT_INTERVAL) {
                    privateReadsSinceAttempt = 0;
                    lock.lock();
                    try {
                        tryToJoin();
                    } finally {
                        lock.unlock();
                    }
                    if (inWindow()) {
                        return false;
                    }
                }
                if (privateStream == null) {
                    privateStream = store.apply(lastToken);
                }
                if (!privateStream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                TrackedEventMessage<?> event = privateStream.nextAvailable();
                peeked = EventPosition.withGlobalIndex(event, lastToken);
                lastToken = event.trackingToken();
                privateReadsSinceAttempt++;
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                leaveWindow();
                if (privateStream != null) {
                    privateStream.close();
                    privateStream = null;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            onNewEvents.run();
        }
    }
}
