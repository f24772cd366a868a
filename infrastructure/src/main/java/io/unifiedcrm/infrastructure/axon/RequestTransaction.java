package io.unifiedcrm.infrastructure.axon;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A database transaction around a whole HTTP request (the idempotency filter begins one), so that the request's
 * commands, their events and its stored answer commit together or not at all. Inside one, each command runs in a
 * savepoint of its own ({@link SavepointPerCommandTransactionManager}): a command that fails — a broken rule, a race
 * lost to another writer — is undone alone, and a lost race is retried in place, in the same transaction
 * ({@link ConcurrentWriteRetryScheduler}).
 */
public final class RequestTransaction {

    private boolean commandRunning;

    private RequestTransaction() {
    }

    /**
     * Makes the transaction the current thread has begun the request transaction, until the returned scope is
     * closed.
     */
    public static Scope open() {
        TransactionSynchronizationManager.bindResource(RequestTransaction.class, new RequestTransaction());
        return () -> TransactionSynchronizationManager.unbindResource(RequestTransaction.class);
    }

    /** While open, the current thread's transaction is a request transaction. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The request transaction of the current thread, or null. */
    static RequestTransaction current() {
        return (RequestTransaction) TransactionSynchronizationManager.getResource(RequestTransaction.class);
    }

    static boolean isActive() {
        return current() != null;
    }

    boolean commandRunning() {
        return commandRunning;
    }

    void commandRunning(boolean running) {
        commandRunning = running;
    }
}
