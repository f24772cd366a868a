package io.unifiedcrm.projection.runtime.deadletters;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import io.unifiedcrm.projection.runtime.ProcessorBatch;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One savepoint per event on the processor's transaction, so that a failing event handler can be dead-lettered and
 * the rest of the batch committed. A projection's handlers write through the transaction-bound connection of the
 * processor's transaction (its token is stored in the same transaction); when a statement fails, PostgreSQL aborts
 * the whole transaction ("current transaction is aborted") and neither the dead letter nor the following events
 * could be written. So, for each event of a dead-lettered processing group:
 * <ul>
 *   <li>the processor's interceptor ({@link #handle}) sets a savepoint before the event is handled — one round trip,
 *       {@code RELEASE SAVEPOINT} of the previous event together with the new {@code SAVEPOINT};</li>
 *   <li>after every handler method that succeeded, {@link SavepointParticipant}s write their pending changes (a JPA
 *       persistence context flushes), so a failure of a later handler of the same event rolls them back as well;</li>
 *   <li>when a handler fails, the invoker's error handler ({@link #onError}) rolls back to the savepoint — none of the
 *       event's writes remain, not even those of its other handlers — makes the transaction committable again and
 *       rethrows, so Axon's dead-lettering invoker enqueues the event in the same, healthy transaction;</li>
 *   <li>when a dead letter is retried, a failure propagates through the interceptor, which rolls back to the
 *       savepoint as well; the retry's unit of work then marks the transaction rollback-only, which is reset just
 *       before the retry commits, so that the letter is requeued with its new cause and attempt count.</li>
 * </ul>
 * Outside a Spring-managed transaction (no connection bound to the data source) it does nothing.
 */
public class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>>, ListenerInvocationErrorHandler,
        HandlerEnhancerDefinition {

    private static final String SAVEPOINT = "unifiedcrm_event_";
    private static final String CHECKPOINT = "unifiedcrm_batch";

    private final DataSource dataSource;
    private final List<SavepointParticipant> participants;

    public EventSavepoints(DataSource dataSource, List<SavepointParticipant> participants) {
        this.dataSource = dataSource;
        this.participants = List.copyOf(participants);
    }

    /**
     * Around the handling of one event: a savepoint before it — unless the event is handled in a projection
     * processor's batch, whose invoker decides ({@link io.unifiedcrm.projection.runtime.BatchingInvoker}).
     */
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Savepoints savepoints = savepoints();
        if (savepoints == null || ProcessorBatch.current() != null) {
            return chain.proceed();
        }
        savepoints.open();
        try {
            return chain.proceed();
        } catch (Exception | Error failure) {
            rollBack(savepoints, failure);
            // a dead letter's retry: its unit of work marks the transaction rollback-only after this
            unitOfWork.root().onPrepareCommit(root -> resetRollbackOnly());
            throw failure;
        } finally {
            savepoints.close();
        }
    }

    /**
     * Handles one event on a savepoint of its own: when the handling fails, none of its writes remain, the
     * transaction is committable again and the failure is passed on.
     */
    public void isolate(Handling handling) throws Exception {
        Savepoints savepoints = savepoints();
        if (savepoints == null) {
            handling.run();
            return;
        }
        savepoints.open();
        try {
            handling.run();
        } catch (Exception | Error failure) {
            rollBack(savepoints, failure);
            throw failure;
        } finally {
            savepoints.close();
        }
    }

    /** The handling of an event, on its savepoint. */
    @FunctionalInterface
    public interface Handling {
        void run() throws Exception;
    }

    /**
     * Marks the start of what a batch may have to undo: a savepoint, set again (the previous one released) after each
     * recovery. Does nothing outside a transaction with a bound connection.
     */
    public void checkpoint() throws SQLException {
        Savepoints savepoints = savepoints();
        if (savepoints != null) {
            savepoints.checkpoint();
        }
    }

    /** Undoes everything since the {@link #checkpoint()} and makes the transaction committable again. */
    public void rollBackToCheckpoint() throws SQLException {
        Savepoints savepoints = savepoints();
        if (savepoints == null) {
            throw new IllegalStateException("No transaction to roll back to its checkpoint");
        }
        savepoints.rollBackToCheckpoint();
        participants.forEach(SavepointParticipant::rolledBack);
        resetRollbackOnly();
    }

    /** Writes what the participants (a JPA persistence context) hold to the database now. */
    public void flushParticipants() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            participants.forEach(SavepointParticipant::flush);
        }
    }

    /**
     * A handler of the event failed. In a batch that defers its writes, the batch takes note and the failure goes to
     * the dead-letter policy, which leaves it (the batch is handled again event by event); otherwise undo all the
     * event's writes, then let the dead-lettering invoker have it.
     */
    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler)
            throws Exception {
        ProcessorBatch batch = ProcessorBatch.current();
        if (batch != null && batch.defersWrites()) {
            batch.fail(exception);
            throw exception;
        }
        Savepoints savepoints = savepoints();
        if (savepoints != null && savepoints.depth > 0) {
            rollBack(savepoints, exception);
        }
        throw exception;
    }

    /** Writes what each handler method changed right after it, inside the event's savepoint. */
    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (participants.isEmpty() || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                ProcessorBatch batch = ProcessorBatch.current();
                if (TransactionSynchronizationManager.isActualTransactionActive()
                        && (batch == null || !batch.defersWrites())) {
                    participants.forEach(SavepointParticipant::flush);
                }
                return result;
            }
        };
    }

    private void rollBack(Savepoints savepoints, Throwable failure) {
        try {
            savepoints.rollBack();
        } catch (SQLException | RuntimeException rollbackFailed) {
            // the transaction stays aborted: the batch fails and is retried, nothing is skipped
            failure.addSuppressed(rollbackFailed);
            return;
        }
        participants.forEach(SavepointParticipant::rolledBack);
        resetRollbackOnly();
    }

    private void resetRollbackOnly() {
        participants.forEach(SavepointParticipant::resetRollbackOnly);
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            holder.resetRollbackOnly();
        }
    }

    /** The savepoints of the current transaction, or null outside a transaction with a bound connection. */
    private Savepoints savepoints() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return null;
        }
        Savepoints savepoints = (Savepoints) TransactionSynchronizationManager.getResource(this);
        if (savepoints == null) {
            savepoints = new Savepoints(holder);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.bindResource(this, savepoints);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(EventSavepoints.this);
                    }
                });
            }
        }
        return savepoints;
    }

    /**
     * The event savepoints of one transaction, one name per nesting depth (an event handled while another one is,
     * e.g. through a command a handler sends, gets its own). A savepoint stays until the next event at its depth
     * releases it in the same round trip that sets the new one, or until the transaction ends.
     */
    private static final class Savepoints {

        private final ConnectionHolder holder;
        private int depth;
        private int deepestOpen;
        private boolean checkpointSet;

        private Savepoints(ConnectionHolder holder) {
            this.holder = holder;
        }

        void open() throws SQLException {
            int next = depth + 1;
            String name = SAVEPOINT + next;
            // RELEASE also releases the deeper savepoints set after it
            execute(deepestOpen >= next ? "RELEASE SAVEPOINT " + name + "; SAVEPOINT " + name : "SAVEPOINT " + name);
            depth = next;
            deepestOpen = next;
        }

        void close() {
            depth--;
        }

        void checkpoint() throws SQLException {
            execute(checkpointSet ? "RELEASE SAVEPOINT " + CHECKPOINT + "; SAVEPOINT " + CHECKPOINT
                    : "SAVEPOINT " + CHECKPOINT);
            checkpointSet = true;
            deepestOpen = 0;
        }

        void rollBackToCheckpoint() throws SQLException {
            if (!checkpointSet) {
                throw new IllegalStateException("No checkpoint set in this transaction");
            }
            execute("ROLLBACK TO SAVEPOINT " + CHECKPOINT);
            deepestOpen = 0;
        }

        void rollBack() throws SQLException {
            execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT + depth);
            deepestOpen = depth;
        }

        private void execute(String sql) throws SQLException {
            Connection connection = holder.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
