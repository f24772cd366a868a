package io.unifiedcrm.infrastructure.axon;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The embedded event store, with the processing groups written with the event ({@link WrittenWithTheEvent}) run
 * before the events are appended instead of after. Those groups claim unique values (object type names, e-mail
 * addresses, SKUs, record values, API keys) in lookup tables, so a taken value fails the command there. Axon appends
 * first and then calls the subscribers: the rejected command had already taken global indexes from the event table's
 * sequence, and its rollback left them as permanent gaps, which every processor then tracks (thousands of duplicate
 * requests, thousands of gaps). Claimed first, a rejected command fails before it takes an index. The claims run in
 * the same transaction as the append, so they still commit or roll back with the events.
 */
public final class ClaimsBeforeAppendEventStore extends EmbeddedEventStore {

    private final Set<Consumer<List<? extends EventMessage<?>>>> claims = new CopyOnWriteArraySet<>();

    public ClaimsBeforeAppendEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    /** Subscribes a processor that sees each unit of work's events before they are appended. */
    public Registration subscribeBeforeAppend(Consumer<List<? extends EventMessage<?>>> claim) {
        claims.add(claim);
        return () -> claims.remove(claim);
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        claims.forEach(claim -> claim.accept(events));
        super.prepareCommit(events);
    }
}
