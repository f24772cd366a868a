package io.unifiedcrm.projection.runtime.asof;

import io.unifiedcrm.infrastructure.axon.EventPosition;
import io.unifiedcrm.projection.runtime.rebuild.FunctionsReadingTables;
import io.unifiedcrm.projection.runtime.rebuild.ShadowSql;
import io.unifiedcrm.projection.runtime.rebuild.SqlRewrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read models as of a past instant, computed from the events up to that instant with the very projection handlers
 * that build the live read models — never from what those read models hold now, and never touching them.
 *
 * <p>{@link #isolated} runs the work in one database transaction that is always rolled back, in which each of the
 * given live tables has an empty temporary copy ({@code pg_temp.table}, of the same name, with the live table's columns,
 * defaults, checks and indexes) and every statement the work runs names the copies instead ({@link SqlRewrite}, as
 * a rebuild's shadow does; functions that read those tables get copies too). After the copies are made the
 * transaction is read-only, so PostgreSQL itself refuses any write to, or row lock on, a live table. The caller reads
 * the events of the aggregates that matter through the event store ({@link #eventsOf}, so this works with Axon Server
 * and through upcasters), puts them in the store's order ({@link #inStoreOrder}), has them handled by the handler
 * beans of the processing groups concerned ({@link #replay}) into the copies, and reads what it needs with the live
 * queries, which then read the copies.
 *
 * <p>A computation is bounded ({@link AsOfBudget}): at most {@code unifiedcrm.as-of.max-events} events read and
 * {@code unifiedcrm.as-of.timeout} of time (also each statement's timeout); past either, {@link TooCostly}.
 */
@Component
public class AsOfReplay {

    public static final String LOCK_TIMEOUT = "2s";
    private static final String COPY_PREFIX = "pg_temp.";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final ApplicationContext context;
    private final DataSource dataSource;
    private final int maxEvents;
    private final Duration timeout;
    private final Map<Set<String>, List<AnnotationEventHandlerAdapter>> handlers = new ConcurrentHashMap<>();
    private final Map<Set<String>, TemporaryCopies> copies = new ConcurrentHashMap<>();

    AsOfReplay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventStore eventStore,
               ApplicationContext context, DataSource dataSource,
               @Value("${unifiedcrm.as-of.max-events:10000}") int maxEvents,
               @Value("${unifiedcrm.as-of.timeout:PT5S}") Duration timeout) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.context = context;
        this.dataSource = dataSource;
        this.maxEvents = maxEvents;
        this.timeout = timeout;
    }

    /** A live table the copies are made from was locked by a rebuild's switch for too long: try again (503). */
    public static class Busy extends RuntimeException {
        Busy(Throwable cause) {
            super("The read models this answer is computed from are being switched; retry in a moment.", cause);
        }
    }

    /** The computation would read more events or take longer than its bound (422 {@code as_of_too_costly}). */
    public static class TooCostly extends RuntimeException {
        TooCostly(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code work} on empty temporary copies of the live tables, in a read-only transaction that is always
     * rolled back.
     *
     * @param tables the live tables the work writes (schema-qualified); it may read any other
     * @throws TooCostly past the budget
     * @throws Busy      when a live table stayed locked longer than {@value #LOCK_TIMEOUT}
     */
    public <T> T isolated(Collection<String> tables, Function<AsOfBudget, T> work) {
        AsOfBudget budget = new AsOfBudget(maxEvents, timeout, System::nanoTime);
        TemporaryCopies copiesOfTables = copies.computeIfAbsent(Set.copyOf(tables), this::temporaryCopies);
        ShadowSql.enter(copiesOfTables.rewrite());
        try {
            return transactions.execute(status -> {
                status.setRollbackOnly(); // nothing of this ever commits
                unrewritten("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                unrewritten("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                copiesOfTables.definitions().forEach(AsOfReplay.this::unrewritten);
                unrewritten("SET LOCAL transaction_read_only = on");
                return work.apply(budget);
            });
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                    throw new TooCostly("Computing this answer took longer than " + timeout.toMillis() + " ms.");
                }
                if (cause instanceof PessimisticLockingFailureException || cause instanceof SQLException sql
                        && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                    throw new Busy(failure);
                }
            }
            throw failure;
        } finally {
            ShadowSql.leave();
        }
    }

    /**
     * Runs a statement on the transaction's connection as written: the copies' definitions name the live tables
     * they copy, which the rewrite would turn into the copies themselves.
     */
    private void unrewritten(String sql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.unwrap(Connection.class).createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw jdbc.getExceptionTranslator().translate("as-of temporary copies", sql, failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The statements that make the copies of the tables, and of the functions that read them, and the rewrite. */
    private TemporaryCopies temporaryCopies(Set<String> tables) {
        Map<String, String> replacements = new LinkedHashMap<>();
        List<String> definitions = new ArrayList<>();
        for (String table : new TreeSet<>(tables)) {
            // the table's own name, so that a statement naming its columns by table name still holds
            String copy = copyOf(table, replacements);
            replacements.put(table, copy);
            definitions.add("CREATE TEMPORARY TABLE " + copy + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING "
                    + "GENERATED INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP");
        }
        SqlRewrite tablesOnly = new SqlRewrite("as-of", replacements, List.of());
        Map<String, String> functions = transactions.execute(status -> FunctionsReadingTables.of(jdbc, tablesOnly));
        // the same name, so that the body's references to its parameters by function name still hold
        functions.keySet().forEach(name -> replacements.put(name, copyOf(name, replacements)));
        SqlRewrite rewrite = new SqlRewrite("as-of", replacements, List.of());
        if (!functions.isEmpty()) {
            definitions.add("SET LOCAL check_function_bodies = off");
            functions.values().forEach(definition -> definitions.add(rewrite.apply(definition)));
        }
        return new TemporaryCopies(List.copyOf(definitions), rewrite);
    }

    /** {@code pg_temp.} and the unqualified name: one temporary schema holds the copies of several schemas. */
    private static String copyOf(String qualified, Map<String, String> copies) {
        String copy = COPY_PREFIX + qualified.substring(qualified.indexOf('.') + 1);
        if (copies.containsValue(copy)) {
            throw new IllegalStateException("Two objects of one as-of computation have the name of " + copy);
        }
        return copy;
    }

    private record TemporaryCopies(List<String> definitions, SqlRewrite rewrite) {
    }

    /**
     * The events of one aggregate up to that instant, through the event store: empty when it has none. Read from its
     * first event (never from a snapshot), each kept by its own timestamp, as the event table's timestamps of one
     * aggregate need not rise with its sequence when its writers' clocks differ. Every event read counts against the
     * budget, also those after the instant.
     */
    public List<DomainEventMessage<?>> eventsOf(Object aggregate, Instant at, AsOfBudget budget) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregate.toString(), 0L);
        while (stream.hasNext()) {
            budget.spendEvent();
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
    public void replay(Set<String> groups, List<DomainEventMessage<?>> events, AsOfBudget budget) {
        List<AnnotationEventHandlerAdapter> adapters = handlers.computeIfAbsent(Set.copyOf(groups), this::handlers);
        for (DomainEventMessage<?> event : events) {
            budget.checkTime();
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
