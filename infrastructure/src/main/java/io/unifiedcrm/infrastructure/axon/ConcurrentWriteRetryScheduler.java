package io.unifiedcrm.infrastructure.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Retries a command that lost a race: two writers appended the same sequence number of one aggregate (the event
 * store's unique key rejects the second). The retry reloads the aggregate and decides again, so neither write is
 * lost. Nothing else is retried — least of all a stale {@code If-Match} ({@link ConflictingModificationException})
 * or a broken rule.
 * <p>
 * Inside a {@link RequestTransaction} the retry runs in place, at once, on the request's thread and in its transaction:
 * a retry on the scheduler's thread would commit on its own, outside the transaction that also keeps the request's
 * idempotent answer.
 */
public class ConcurrentWriteRetryScheduler implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long intervalMillis;

    public ConcurrentWriteRetryScheduler(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || !isLostRace(lastFailure)) {
            return false;
        }
        if (RequestTransaction.isActive()) {
            // no back-off: the lost append waited for the winner's transaction to end, so the winner's event is
            // committed and the reload sees it; waiting longer would only hold the request's transaction open
            commandDispatch.run();
            return true;
        }
        // back off a little more each time, so racing writers spread out
        executor.schedule(commandDispatch, intervalMillis * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingModificationException) {
                return false;
            }
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
