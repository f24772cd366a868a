package io.unifiedcrm.projection.runtime.asof;

import io.unifiedcrm.infrastructure.axon.EventPosition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read models as of a past instant, computed from the events up to that instant with the very projection handlers
 * that build the live read models — never from what those read models hold now. In one database transaction that is
 * always rolled back ({@link #rolledBack}), the caller picks the aggregates that matter and deletes the live rows
 * their events build, reads their events up to the instant through the event store ({@link #eventsOf}, so this works
 * with Axon Server too), puts them in the store's order ({@link #inStoreOrder}), has them handled by the handler beans
 * of the processing groups concerned ({@link #replay}), reads what it needs with the live queries, and everything is
 * rolled back. The deleted rows stay locked until the rollback; waiting longer than {@value #LOCK_TIMEOUT} for a row
 * another transaction holds is a {@link Busy}.
 */
@Component
public class AsOfReplay {

    public static final String LOCK_TIMEOUT = "2s";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final ApplicationContext context;
    private final Map<Set<String>, List<AnnotationEventHandlerAdapter>> handlers = new ConcurrentHashMap<>();

    AsOfReplay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventStore eventStore,
               ApplicationContext context) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.context = context;
    }

    /** A lock on a live read-model row could not be had in time: try again (HTTP 503). */
    public static class Busy extends RuntimeException {
        Busy(Throwable cause) {
            super("The read models this answer is computed from are being written; retry in a moment.", cause);
        }
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back, waiting at most {@value #LOCK_TIMEOUT} for each
     * row lock.
     *
     * @throws Busy when a row stayed locked longer than that
     */
    public <T> T rolledBack(Supplier<T> work) {
        try {
            return transactions.execute(status -> {
                status.setRollbackOnly(); // nothing of this ever commits
                jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                return work.get();
            });
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof PessimisticLockingFailureException || cause instanceof SQLException sql
                        && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                    throw new Busy(failure);
                }
            }
            throw failure;
        }
    }

    /**
     * The events of one aggregate up to that instant, through the event store: empty when it has none. Read from its
     * first event (never from a snapshot), each kept by its own timestamp, as the event table's timestamps of one
     * aggregate need not rise with its sequence when its writers' clocks differ.
     */
    public List<DomainEventMessage<?>> eventsOf(Object aggregate, Instant at) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregate.toString(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!event.getTimestamp().isAfter(at)) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * The events of several aggregates in the event store's global order, the order the processors saw them in: by
     * the position the store gives an aggregate's events (the JDBC store: the global index), else (Axon Server) by
     * their timestamps — where two aggregates' events share a millisecond, their order can then differ from the
     * processors'.
     */
    public static List<DomainEventMessage<?>> inStoreOrder(Collection<List<DomainEventMessage<?>>> histories) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        histories.forEach(events::addAll);
        events.sort(STORE_ORDER);
        return events;
    }

    private static final Comparator<DomainEventMessage<?>> STORE_ORDER = Comparator
            .comparingLong((DomainEventMessage<?> event) -> event instanceof TrackedEventMessage<?> tracked
                    ? EventPosition.of(tracked) : -1)
            .thenComparing(DomainEventMessage::getTimestamp)
            .thenComparing(DomainEventMessage::getAggregateIdentifier)
            .thenComparingLong(DomainEventMessage::getSequenceNumber);

    /** Handles the events, in their order, with the projection beans of the processing groups. */
    public void replay(Set<String> groups, List<DomainEventMessage<?>> events) {
        List<AnnotationEventHandlerAdapter> adapters = handlers.computeIfAbsent(Set.copyOf(groups), this::handlers);
        for (DomainEventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter handler : adapters) {
                if (handler.canHandle(event)) {
                    try {
                        handler.handle(event);
                    } catch (RuntimeException failure) {
                        throw failure;
                    } catch (Exception failure) {
                        throw new IllegalStateException("A projection handler failed on " + event.getPayloadType(),
                                failure);
                    }
                }
            }
        }
    }

    /** The projection beans of the processing groups, each behind Axon's annotated-handler adapter. */
    private List<AnnotationEventHandlerAdapter> handlers(Set<String> groups) {
        org.axonframework.config.Configuration axon = context.getBean(org.axonframework.config.Configuration.class);
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> {
                    ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                            ProcessingGroup.class);
                    return group != null && groups.contains(group.value());
                })
                .map(bean -> new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        axon.handlerDefinition(AopUtils.getTargetClass(bean))))
                .toList();
    }
}
