package io.unifiedcrm.projection.runtime.deadletters;

import io.unifiedcrm.projection.runtime.ProcessorBatch;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Every event that failed in a handler is dead-lettered (once it failed on its own: a failure in a batch that defers its writes is
 * handled again event by event first, see {@link io.unifiedcrm.projection.runtime.BatchingInvoker}) — a handler is never skipped — and so is a failed retry (the letter stays, with
 * the new cause). The cause keeps the exception's type and the message that says most: the innermost cause's (for a
 * failed statement, PostgreSQL's own message rather than Spring's wrapping with the SQL), truncated to the 1,023
 * characters of its column. The diagnostics count the failed attempts. A failure of the database rather than of the
 * event (a broken connection, a statement timeout, a lock or deadlock) is never dead-lettered: the batch fails and is
 * handled again, so a database that is away for a moment parks nothing.
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    static final int MAX_MESSAGE_LENGTH = 1023;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPolicy.class);
    /**
     * PostgreSQL's classes 08 (connection), 53 (insufficient resources) and 57 (operator intervention: statement
     * timeout, shutdown), and 40001, 40P01 and 55P03 (serialization failure, deadlock, lock not available).
     */
    private static final Pattern TRANSIENT_STATES = Pattern.compile("08...|53...|57...|40001|40P01|55P03");

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch != null && batch.failedWhileDeferring()) {
            // the batch is handled again event by event, this event on a savepoint of its own: it is decided then
            return Decisions.doNotEnqueue();
        }
        if (isDatabaseFailure(failure)) {
            // Axon's invoker does not rethrow what its policy declines, so the policy throws: the batch fails, its
            // transaction rolls back and the processor handles it again after its back-off
            throw new DatabaseUnavailable(failure);
        }
        long attempts = attemptsOf(letter.diagnostics()) + 1;
        EventMessage<?> event = letter.message();
        ThrowableCause cause = causeOf(failure);
        if (attempts == 1) {
            LOG.warn("Event {} ({}{}) failed in a handler and is dead-lettered; its sequence waits until it is retried "
                            + "or evicted ({}: {})", event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    event instanceof DomainEventMessage<?> domain
                            ? " of " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber() : "",
                    cause.type(), cause.message());
        }
        return Decisions.enqueue(cause,
                failed -> failed.diagnostics().and(ATTEMPTS, attempts));
    }

    /**
     * The database, not the event, failed: the connection broke, the statement ran past its timeout or waited too
     * long for a lock, a deadlock or serialization conflict, the server is shutting down or short of resources.
     */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.matcher(sql.getSQLState()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A failed batch whose event was not the cause: handled again, never dead-lettered. */
    static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(Throwable cause) {
            super("The database failed while handling the event; the batch is handled again: " + cause.getMessage(),
                    cause);
        }
    }

    static ThrowableCause causeOf(Throwable failure) {
        String message = messageOf(failure);
        return new ThrowableCause(failure.getClass().getName(),
                message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message);
    }

    private static String messageOf(Throwable failure) {
        Throwable innermost = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = innermost.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = innermost.getClass().getName();
        }
        return innermost == failure || message.startsWith(innermost.getClass().getName())
                ? message : innermost.getClass().getSimpleName() + ": " + message;
    }

    private static long attemptsOf(MetaData diagnostics) {
        Object attempts = diagnostics.get(ATTEMPTS);
        if (attempts instanceof Number number) {
            return number.longValue();
        }
        if (attempts instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        return 0;
    }
}
