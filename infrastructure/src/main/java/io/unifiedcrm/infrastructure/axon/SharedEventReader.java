package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of the event stream for every processor of the JVM. The event processors' streams ({@link Cursor}s) that
 * are at the same position read the same events from a bounded window in memory, which one of them fills from the
 * event store when all have read what it holds: each event is fetched and deserialized once, not once per
 * processing group, and a poll for new events is one query however many processors wait for them.
 *
 * <p>There are a few windows ({@code windows}), each holding at most {@code capacity / windows} events, so that
 * processors far apart in the stream share too: the processors at the head in one, those replaying from the first
 * event in another (a replay of several projections at once reads the stream once while the other projections stay
 * live). A cursor joins a window when its token equals the token before one of the window's events (then what it
 * reads from there is exactly what it would read from the store itself: the store's events after that token, gap
 * fillers included, each with the token the store gives it); when no window holds its position, it takes a window
 * no cursor uses and anchors it there; when there is none, it reads the store itself, privately, and joins as soon as
 * its token matches. A cursor that has read all of its window moves into another window holding its position before
 * fetching more (a replay that catches up with the head joins the processors there). When a window is full and its
 * oldest event is still needed by a cursor, the window's other cursors wait for that cursor, unless it has not moved
 * for {@code stallTimeout}: then it leaves the window and goes on privately, so that a stopped or stuck processor
 * never holds back the others.
 */
final class SharedEventReader {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEventReader.class);

    /** Windows of an instance: the head and one replay. */
    static final int WINDOWS = 2;

    private final Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store;
    private final EventBatches batches;
    private final int windowCapacity;
    private final int fetchSize;
    private final long stallTimeoutNanos;
    private final LongSupplier nanoClock;
    private final Runnable onNewEvents;
    private final int maxWindows;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Window> windows = new ArrayList<>();
    /** Moves whenever new events may have been committed: a commit in this JVM, or the poll for other writers. */
    private final AtomicLong mayHaveNewEvents = new AtomicLong();

    /** Reads the next events after a token from the event store, at most a number of them: one query. */
    @FunctionalInterface
    interface EventBatches {
        List<TrackedEventMessage<?>> after(TrackingToken token, int atMost);
    }

    /**
     * @param store        opens a stream of the event store at a token (for cursors reading privately)
     * @param batches      reads a window's next events from the event store
     * @param capacity     events held in memory at most, by all windows together
     * @param windows      windows at most, each holding {@code capacity / windows} events at most
     * @param fetchSize    events fetched into a window at a time at most
     * @param stallTimeout how long a cursor may hold back a full window without moving
     * @param onNewEvents  called after events were added to a window or room was made (wakes the processors)
     */
    SharedEventReader(Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store, EventBatches batches,
                      int capacity, int windows, int fetchSize, Duration stallTimeout, LongSupplier nanoClock,
                      Runnable onNewEvents) {
        if (capacity < 1 || fetchSize < 1 || windows < 1 || capacity < windows) {
            throw new IllegalArgumentException("capacity, windows and fetch size must be positive, capacity at "
                    + "least one event per window");
        }
        this.store = store;
        this.batches = batches;
        this.maxWindows = windows;
        this.windowCapacity = capacity / windows;
        this.fetchSize = Math.min(fetchSize, windowCapacity);
        this.stallTimeoutNanos = stallTimeout.toNanos();
        this.nanoClock = nanoClock;
        this.onNewEvents = onNewEvents;
    }

    /**
     * New events may exist now (a commit, or the poll for other writers): until this is called again after a fetch
     * has reached the end of the stream, the window is not fetched again — the processors that reach its end after
     * the first one cost no query.
     */
    void newEventsMayExist() {
        mayHaveNewEvents.incrementAndGet();
    }

    /** A stream of the events after {@code token}, from a window where it can. */
    Cursor open(TrackingToken token) {
        Cursor cursor = new Cursor(token);
        lock.lock();
        try {
            cursor.tryToJoin();
            LOG.debug("cursor opened at {}, in a window: {}", token, cursor.inWindow());
        } finally {
            lock.unlock();
        }
        return cursor;
    }

    /** Events held in memory now, by all windows (for tests and diagnostics). */
    int held() {
        lock.lock();
        try {
            return windows.stream().mapToInt(window -> (int) (window.next - window.first)).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Cursors reading from a window now. */
    int cursorsInWindow() {
        lock.lock();
        try {
            return windows.stream().mapToInt(window -> window.cursors.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Windows in use now (with a cursor). */
    int windowsInUse() {
        lock.lock();
        try {
            return (int) windows.stream().filter(window -> !window.cursors.isEmpty()).count();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            windows.forEach(window -> window.cursors.clear());
        } finally {
            lock.unlock();
        }
    }

    /** The window, other than {@code except}, that holds the position after {@code token}; called with the lock. */
    private Window windowHolding(TrackingToken token, Window except) {
        for (Window window : windows) {
            if (window != except && window.positionAfter(token) >= 0) {
                return window;
            }
        }
        return null;
    }

    /** A window no cursor uses, made if there are fewer than the most; null if every window is in use. */
    private Window freeWindow() {
        for (Window window : windows) {
            if (window.cursors.isEmpty()) {
                return window;
            }
        }
        if (windows.size() < maxWindows) {
            Window window = new Window();
            windows.add(window);
            return window;
        }
        return null;
    }

    private record Entry(TrackedEventMessage<?> event) {
    }

    /** Events in memory that the cursors in it read together. Its fields are guarded by the reader's lock. */
    private final class Window {

        private final Entry[] slots = new Entry[windowCapacity];
        /** Window positions: the oldest event held is at {@code first}, the next one fetched goes to {@code next}. */
        private long first;
        private long next;
        /** The token before the event at {@code first}: where a cursor must be to read the whole window. */
        private TrackingToken anchor;
        private TrackingToken sourceToken;
        /** Events read from the store that did not fit into the window yet. */
        private final ArrayDeque<TrackedEventMessage<?>> carriedOver = new ArrayDeque<>();
        private final List<Cursor> cursors = new ArrayList<>();
        /** The value of {@link #mayHaveNewEvents} when a fetch last reached the end of the stream; -1 if it did not. */
        private long exhaustedAt = -1;

        private Entry entry(long position) {
            return slots[(int) (position % windowCapacity)];
        }

        private TrackingToken tokenBefore(long position) {
            return position == first ? anchor : entry(position - 1).event().trackingToken();
        }

        /** The window position whose preceding token equals {@code token}, or -1. Newest first: the common case. */
        private long positionAfter(TrackingToken token) {
            if (outside(token)) {
                return -1;
            }
            for (long position = next; position >= first; position--) {
                if (Objects.equals(tokenBefore(position), token)) {
                    return position;
                }
            }
            return -1;
        }

        /**
         * Whether the token's position is before the window's anchor or after its newest event: the tokens of a
         * window's events never go back, so no token of the window can equal it. Asked whenever a cursor reaches the
         * end of its window, so it must not compare every token held.
         */
        private boolean outside(TrackingToken token) {
            OptionalLong at = token == null ? OptionalLong.empty() : token.position();
            if (at.isEmpty()) {
                return false;
            }
            OptionalLong oldest = anchor == null ? OptionalLong.empty() : anchor.position();
            if (oldest.isPresent() && at.getAsLong() < oldest.getAsLong()) {
                return true;
            }
            OptionalLong newest = next > first ? entry(next - 1).event().trackingToken().position() : oldest;
            return newest.isPresent() && at.getAsLong() > newest.getAsLong();
        }

        private void anchorAt(TrackingToken token) {
            LOG.debug("a window is anchored at {} (was {}..{})", token, first, next);
            exhaustedAt = -1;
            carriedOver.clear();
            for (long position = first; position < next; position++) {
                slots[(int) (position % windowCapacity)] = null;
            }
            first = next;
            anchor = token;
            sourceToken = token;
        }

        /**
         * Fills the window from the store for a cursor that has read all of it: makes room by forgetting what no
         * cursor needs any more (or by sending stalled cursors away), then fetches what is available now, up to the
         * fetch size.
         */
        private boolean fetchFor(Cursor cursor) {
            if (cursor.position < next) {
                return true;
            }
            if (next - first >= windowCapacity) {
                makeRoom();
                if (next - first >= windowCapacity) {
                    return false;
                }
            }
            long asOf = mayHaveNewEvents.get();
            if (exhaustedAt == asOf && carriedOver.isEmpty()) {
                return false;
            }
            int room = (int) Math.min(fetchSize, windowCapacity - (next - first));
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
            while (!carriedOver.isEmpty() && next - first < windowCapacity) {
                TrackedEventMessage<?> event = carriedOver.poll();
                slots[(int) (next % windowCapacity)] = new Entry(EventPosition.withGlobalIndex(event, previous));
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
                List<Cursor> stalled = cursors.stream().filter(cursor -> cursor.position == first
                        && now - cursor.lastMovedNanos >= stallTimeoutNanos).toList();
                stalled.forEach(cursor -> LOG.debug("a stalled cursor at {} leaves its window", cursor.lastToken));
                stalled.forEach(Cursor::leaveWindow);
                oldestNeeded = oldestNeeded();
            }
            if (oldestNeeded > first) {
                anchor = tokenBefore(oldestNeeded);
                for (long position = first; position < oldestNeeded; position++) {
                    slots[(int) (position % windowCapacity)] = null;
                }
                first = oldestNeeded;
            }
        }

        private long oldestNeeded() {
            long oldest = next;
            for (Cursor cursor : cursors) {
                oldest = Math.min(oldest, cursor.position);
            }
            return oldest;
        }
    }

    /**
     * A processor's stream: from a window while it is in one, else from a private stream of the store.
     */
    final class Cursor implements BlockingStream<TrackedEventMessage<?>> {

        /** Private reads between attempts to join a window. */
        private static final int JOIN_ATTEMPT_INTERVAL = 256;

        private TrackingToken lastToken;
        private Window window;
        private long position = -1;
        private long lastMovedNanos;
        private BlockingStream<TrackedEventMessage<?>> privateStream;
        private TrackedEventMessage<?> peeked;
        private int privateReadsSinceAttempt;
        private volatile boolean closed;
        /** Payload types no handler of the processor takes ({@link #skipMessagesWithPayloadTypeOf}). */
        private final Set<Class<?>> skippedTypes = ConcurrentHashMap.newKeySet();

        private Cursor(TrackingToken token) {
            this.lastToken = WrappedToken.unwrapLowerBound(token);
            this.lastMovedNanos = nanoClock.getAsLong();
        }

        boolean inWindow() {
            return window != null;
        }

        /**
         * Joins a window holding its position, or anchors a window no cursor uses at it. Called with the lock held.
         */
        private void tryToJoin() {
            if (closed) {
                return;
            }
            Window joining = windowHolding(lastToken, null);
            if (joining == null) {
                joining = freeWindow();
                if (joining == null) {
                    return;
                }
                joining.anchorAt(lastToken);
            }
            join(joining);
        }

        /** Called with the lock held; the window holds the cursor's position. */
        private void join(Window joining) {
            if (privateStream != null) {
                privateStream.close();
                privateStream = null;
            }
            window = joining;
            position = joining.positionAfter(lastToken);
            lastMovedNanos = nanoClock.getAsLong();
            joining.cursors.add(this);
        }

        /** Called with the lock held. */
        private void leaveWindow() {
            if (window != null) {
                window.cursors.remove(this);
            }
            window = null;
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
                if (position >= window.next) {
                    // read all of its window: another window may hold what comes next (a replay reaching the head)
                    Window ahead = windowHolding(lastToken, window);
                    if (ahead != null && !ahead.cursors.isEmpty()) {
                        leaveWindow();
                        join(ahead);
                    }
                }
                Window current = window;
                if (!current.fetchFor(this)) {
                    return false;
                }
                boolean wasOldest = position == current.first;
                do {
                    peeked = current.entry(position).event();
                    position++;
                    lastToken = peeked.trackingToken();
                } while (position < current.next && skipped(peeked));
                lastMovedNanos = nanoClock.getAsLong();
                if (wasOldest && current.next - current.first >= windowCapacity) {
                    // room for the cursors that wait for this one
                    changed.signalAll();
                    onNewEvents.run();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** The next event of the private stream, trying to join a window every so often. */
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
                // passes over at most as many events as it reads between attempts to join a window, so that the
                // coordinator calling this comes back to its work packages (their claims) and to a close
                int passedOver = 0;
                do {
                    TrackedEventMessage<?> event = privateStream.nextAvailable();
                    peeked = EventPosition.withGlobalIndex(event, lastToken);
                    lastToken = event.trackingToken();
                    privateReadsSinceAttempt++;
                } while (skipped(peeked) && ++passedOver < JOIN_ATTEMPT_INTERVAL && !closed
                        && privateStream.hasNextAvailable(0, TimeUnit.MILLISECONDS));
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /**
         * Axon's processors call this for an event none of their handlers takes; the cursor then passes over events of
         * that type, as Axon Server does for a processor's stream. It still hands over such an event when it is the
         * last one available, so that the processor's token reaches the head of the stream (status, replays ending,
         * lag); the token of the next event handed over covers the events passed over.
         */
        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skippedTypes.add(ignoredMessage.getPayloadType());
        }

        private boolean skipped(TrackedEventMessage<?> event) {
            return !skippedTypes.isEmpty() && skippedTypes.contains(event.getPayloadType());
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                LOG.debug("cursor closed at {}", lastToken);
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
