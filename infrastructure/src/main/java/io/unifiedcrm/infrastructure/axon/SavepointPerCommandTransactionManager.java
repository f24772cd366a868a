package io.unifiedcrm.infrastructure.axon;

import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's transactions, as Spring's, with one difference: inside a {@link RequestTransaction} the outermost unit of
 * work of a command gets a savepoint. Axon's own Spring transaction manager neither commits nor rolls back a
 * transaction it merely joined, so a failed command would leave its partial writes (and, after a failed statement,
 * an aborted transaction) in the request's transaction; the savepoint undoes exactly that command.
 */
public class SavepointPerCommandTransactionManager implements TransactionManager {

    private final TransactionManager plain;
    private final DataSource dataSource;

    public SavepointPerCommandTransactionManager(PlatformTransactionManager transactions, DataSource dataSource) {
        this.plain = new SpringTransactionManager(transactions);
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        RequestTransaction request = RequestTransaction.current();
        if (request == null || request.commandRunning()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return plain.startTransaction();
        }
        Savepoint savepoint;
        try {
            savepoint = holder.createSavepoint();
        } catch (SQLException failed) {
            throw new TransactionSystemException("Could not set the savepoint of a command", failed);
        }
        request.commandRunning(true);
        return new CommandSavepoint(request, holder, savepoint);
    }

    private static final class CommandSavepoint implements Transaction {

        private final RequestTransaction request;
        private final ConnectionHolder holder;
        private final Savepoint savepoint;
        private boolean ended;

        CommandSavepoint(RequestTransaction request, ConnectionHolder holder, Savepoint savepoint) {
            this.request = request;
            this.holder = holder;
            this.savepoint = savepoint;
        }

        @Override
        public void commit() {
            if (end()) {
                try {
                    holder.getConnection().releaseSavepoint(savepoint);
                } catch (SQLException failed) {
                    throw new TransactionSystemException("Could not release the savepoint of a command", failed);
                }
            }
        }

        @Override
        public void rollback() {
            if (end()) {
                try {
                    holder.getConnection().rollback(savepoint);
                    holder.resetRollbackOnly();
                } catch (SQLException failed) {
                    throw new TransactionSystemException("Could not roll back to the savepoint of a command", failed);
                }
            }
        }

        private boolean end() {
            if (ended) {
                return false;
            }
            ended = true;
            request.commandRunning(false);
            return true;
        }
    }
}
