package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentWriteRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentWriteRetryScheduler scheduler = new ConcurrentWriteRetryScheduler(executor, 3, 1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLostAppendRaceIsRetried() {
        assertThat(schedule(new ConcurrencyException("sequence taken"), 1)).isTrue();
        assertThat(schedule(new EventStoreException("wrapped", new ConcurrencyException("taken")), 1)).isTrue();
    }

    @Test
    void retriesStopAfterTheLimit() {
        assertThat(schedule(new ConcurrencyException("sequence taken"), 4)).isFalse();
    }

    @Test
    void aStaleIfMatchARuleViolationOrAnythingElseIsNotRetried() {
        assertThat(schedule(new ConflictingAggregateVersionException("id", 1, 2), 1)).isFalse();
        assertThat(schedule(new CommandExecutionException("rule", DomainRuleViolation.notFound()), 1)).isFalse();
        assertThat(schedule(new IllegalStateException("bug"), 1)).isFalse();
        // two creations of one aggregate id: a retry would only collide again
        assertThat(schedule(new AggregateStreamCreationException("stream exists"), 1)).isFalse();
    }

    @Test
    void insideARequestTransactionTheRetryRunsAtOnceOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        try (RequestTransaction.Scope ignored = RequestTransaction.open()) {
            assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                    new ConcurrencyException("sequence taken"), List.of(), () -> ranOn.add(Thread.currentThread())))
                    .isTrue();
        }
        assertThat(ranOn).as("ran before scheduleRetry returned, on the caller's thread").containsExactly(caller);
    }

    @SuppressWarnings("unchecked")
    private boolean schedule(RuntimeException failure, int failuresSoFar) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < failuresSoFar; i++) {
            failures.add(new Class[] {failure.getClass()});
        }
        AtomicInteger dispatched = new AtomicInteger();
        return scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"), failure, failures,
                dispatched::incrementAndGet);
    }
}
