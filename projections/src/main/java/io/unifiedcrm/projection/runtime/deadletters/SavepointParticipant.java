package io.unifiedcrm.projection.runtime.deadletters;

/**
 * Something besides the JDBC connection that takes part in an event processor's transaction and must follow the
 * event savepoints of {@link EventSavepoints}: a JPA persistence context, which holds changes the connection has not
 * seen yet and marks the transaction rollback-only when a statement fails.
 */
public interface SavepointParticipant {

    /** After an event handler succeeded: write what it changed to the database, inside the event's savepoint. */
    void flush();

    /** After a rollback to an event's savepoint: forget what the failed event left behind. */
    void rolledBack();

    /** Make the transaction committable again after a failure that was rolled back to a savepoint. */
    void resetRollbackOnly();
}
