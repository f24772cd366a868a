package io.unifiedcrm.projection.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The state of one batch of a projection's processor, in its transaction: the read-model writes not sent yet, the
 * events handled so far, and how they are handled ({@link BatchingInvoker}).
 * <ul>
 *   <li><b>Deferring</b> (the normal way): writes wait in {@link PendingWrites} and go to the database as JDBC batches
 *       when the batch commits or before a read; no savepoint per event.</li>
 *   <li><b>Isolating</b> (after a failure in the batch, and never otherwise): each event on its own savepoint, its
 *       writes sent at once, so that a failing event is rolled back alone and dead-lettered.</li>
 * </ul>
 */
public final class ProcessorBatch {

    private static final String RESOURCE = ProcessorBatch.class.getName();

    /** An event handled in this batch, with the segment it was handled for. */
    record Handled(EventMessage<?> event, Segment segment) {
    }

    private final PendingWrites writes = new PendingWrites();
    private final List<Handled> handled = new ArrayList<>();
    /** When the live (not replayed) events handled in this batch were created, epoch milliseconds. */
    private final List<Long> createdMillis = new ArrayList<>();
    private final Map<String, Map<Object, Object>> caches = new HashMap<>();
    private boolean isolating;
    private Exception failure;

    /** The batch of the current unit of work, or {@code null} outside a projection processor's batch. */
    public static ProcessorBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    static ProcessorBatch start(UnitOfWork<?> unitOfWork) {
        ProcessorBatch batch = new ProcessorBatch();
        unitOfWork.root().resources().put(RESOURCE, batch);
        return batch;
    }

    /** Writes wait for the batch's end (or the next read) rather than going to the database at once. */
    public boolean defersWrites() {
        return !isolating;
    }

    /**
     * A handler failed while writes were deferred: the batch is handled again event by event. Until then the failure
     * is not dead-lettered (the dead-letter policy asks here).
     */
    public void fail(Exception cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** A handler failed in the deferring pass and the events are to be handled again in isolation. */
    public boolean failedWhileDeferring() {
        return failure != null && !isolating;
    }

    Exception failure() {
        return failure;
    }

    PendingWrites writes() {
        return writes;
    }

    void handled(EventMessage<?> event, Segment segment) {
        handled.add(new Handled(event, segment));
        if (!ReplayToken.isReplay(event)) {
            createdMillis.add(event.getTimestamp().toEpochMilli());
        }
    }

    /** When the live events handled in this batch were created (a replay's are left out). */
    List<Long> createdMillis() {
        return createdMillis;
    }

    /** The events handled since the last checkpoint, forgotten here. */
    List<Handled> takeHandled() {
        List<Handled> taken = List.copyOf(handled);
        handled.clear();
        return taken;
    }

    /** Forgets what the events since the last checkpoint wrote: they were rolled back. */
    void discard() {
        writes.clear();
        caches.clear();
        failure = null;
    }

    void isolating(boolean isolating) {
        this.isolating = isolating;
    }

    /**
     * A map that lives as long as the batch's deferred writes: for a projection to remember rows it wrote in this
     * batch, so that a later event reads them without a round trip (and without sending the pending writes first).
     * Cleared when the batch is rolled back to its checkpoint; while isolating, every event may be rolled back on its
     * own, so nothing is remembered then (the map forgets what is put).
     */
    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> cache(String name) {
        if (isolating) {
            return new ForgetfulMap<>();
        }
        return (Map<K, V>) caches.computeIfAbsent(name, ignored -> new HashMap<>());
    }
}
