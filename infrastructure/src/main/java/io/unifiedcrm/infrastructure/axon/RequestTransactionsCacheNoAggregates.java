package io.unifiedcrm.infrastructure.axon;

import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon caches an aggregate when its unit of work commits, and releases the aggregate's lock right after. Inside a
 * {@link RequestTransaction} that commit only releases the command's savepoint: the events are not the database's
 * until the request's transaction commits, and it may still roll back. A cached aggregate would let the next command
 * decide on events that may never exist. So the aggregates a command inside a request transaction changed are
 * forgotten before their lock is released; the next command loads them from the event store, whose unique
 * (aggregate, sequence number) key makes it wait for the request's transaction and then see its outcome.
 */
public class RequestTransactionsCacheNoAggregates {

    public RequestTransactionsCacheNoAggregates(EventBus eventBus, Cache sharedCache) {
        eventBus.subscribe(events -> {
            if (!RequestTransaction.isActive() || !CurrentUnitOfWork.isStarted()) {
                return;
            }
            List<Object> keys = events.stream()
                    .filter(DomainEventMessage.class::isInstance)
                    .map(event -> (DomainEventMessage<?>) event)
                    .map(event -> TypedAggregateCache.keyOf(event.getType(), event.getAggregateIdentifier()))
                    .distinct()
                    .toList();
            if (!keys.isEmpty()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> keys.forEach(sharedCache::remove));
            }
        });
    }
}
