package io.unifiedcrm.projection.runtime.rebuild;

import io.unifiedcrm.infrastructure.axon.CommitNotifyingEventSource;
import io.unifiedcrm.infrastructure.processing.ProcessorPositions;
import io.unifiedcrm.infrastructure.processing.ProcessorSettings;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds without downtime ({@link BlueGreenRebuild}), at most one per projection at a time, driven by one thread
 * that looks at each running rebuild every {@value #STEP_MILLIS} ms. This instance runs the shadow processor; the
 * status of a rebuild is known to the instance that runs it, until it starts the next one of that projection.
 */
@Service
public class BlueGreenRebuilds {

    private static final long STEP_MILLIS = 100;

    private final EventProcessingConfiguration eventProcessing;
    private final ReadModelTables readModelTables;
    private final BlueGreenRebuild.Collaborators collaborators;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, BlueGreenRebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor driver = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    BlueGreenRebuilds(EventProcessingConfiguration eventProcessing, ReadModelTables readModelTables,
                      EventStore eventStore, TokenStore tokenStore,
                      TransactionManager transactionManager, PlatformTransactionManager platformTransactionManager,
                      ObjectProvider<CommitNotifyingEventSource> notifyingSource, JdbcTemplate jdbc,
                      ProcessorSettings settings) {
        this.eventProcessing = eventProcessing;
        this.readModelTables = readModelTables;
        driver.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(platformTransactionManager);
        StreamableMessageSource<TrackedEventMessage<?>> source = notifyingSource.getIfAvailable();
        this.collaborators = new BlueGreenRebuild.Collaborators(tokenStore, transactionManager,
                source != null ? source : eventStore, () -> ProcessorPositions.headPosition(eventStore), jdbc,
                settings.batchSize());
    }

    /**
     * Starts rebuilding the projection into shadow tables; answers at once.
     *
     * @throws DomainRuleViolation not found for an unknown projection; a conflict for one with side effects, one
     *                             without registered tables, or one that is being rebuilt already
     */
    public synchronized RebuildStatus start(String name) {
        StreamingEventProcessor live = processor(name);
        if (!live.supportsReset()) {
            throw conflict("'" + name + "' has side effects (it sends commands) and is never replayed.");
        }
        List<String> tables = readModelTables.of(name).orElseThrow(() -> conflict("'" + name + "' has no read "
                + "model tables registered for a rebuild without downtime; use its replay."));
        if (!(live instanceof AbstractEventProcessor withHandlers)) {
            throw conflict("'" + name + "' cannot be rebuilt without downtime; use its replay.");
        }
        if (isRunning(name)) {
            throw conflict("A rebuild of '" + name + "' is running; watch its status.");
        }
        try {
            ShadowProcessor.failingFast(withHandlers.eventHandlerInvoker());
        } catch (IllegalStateException notForAShadow) {
            throw conflict("'" + name + "' cannot be rebuilt without downtime: " + notForAShadow.getMessage());
        }
        BlueGreenRebuild rebuild = new BlueGreenRebuild(name, live, withHandlers.eventHandlerInvoker(), tables,
                new ShadowTables(name, tables, readModelTables.all(), jdbc, transactions), collaborators);
        rebuilds.put(name, rebuild);
        driver.execute(() -> drive(rebuild));
        return rebuild.status();
    }

    private void drive(BlueGreenRebuild rebuild) {
        rebuild.step();
        if (!rebuild.state().isFinal() && !driver.isShutdown()) {
            driver.schedule(() -> drive(rebuild), STEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The latest rebuild of the projection on this instance. */
    public RebuildStatus status(String name) {
        processor(name);
        BlueGreenRebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, null,
                    "No rebuild of '" + name + "' has run on this instance.");
        }
        return rebuild.status();
    }

    /** The latest rebuild of the projection on this instance, if one has run here. */
    public java.util.Optional<RebuildStatus> latest(String name) {
        return java.util.Optional.ofNullable(rebuilds.get(name)).map(BlueGreenRebuild::status);
    }

    /**
     * Runs {@code action} (a replay) unless a rebuild of the projection runs, holding the lock that starting a rebuild
     * takes, so that no rebuild starts in between; otherwise throws {@code refusal}.
     */
    public synchronized <T> T unlessRebuilding(String name, Supplier<T> action, Supplier<RuntimeException> refusal) {
        if (isRunning(name)) {
            throw refusal.get();
        }
        return action.get();
    }

    /** Runs {@code action} unless any of the projections is being rebuilt without downtime, else throws. */
    public synchronized <T> T unlessRebuilding(java.util.Collection<String> names, Supplier<T> action,
                                               java.util.function.Function<String, RuntimeException> refusal) {
        for (String name : names) {
            if (isRunning(name)) {
                throw refusal.apply(name);
            }
        }
        return action.get();
    }

    public boolean isRunning(String name) {
        BlueGreenRebuild rebuild = rebuilds.get(name);
        return rebuild != null && !rebuild.state().isFinal();
    }

    /** Lets the step under way finish, then drops the shadow of every rebuild that has not switched. */
    @PreDestroy
    void stop() throws InterruptedException {
        driver.shutdown();
        driver.awaitTermination(30, TimeUnit.SECONDS);
        rebuilds.values().forEach(rebuild -> rebuild.abandon("the application stopped"));
    }

    private StreamingEventProcessor processor(String name) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(DomainRuleViolation::notFound);
    }

    private static DomainRuleViolation conflict(String detail) {
        return new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null, detail);
    }
}
