package io.unifiedcrm.projection.runtime.rebuild;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The application's transaction manager with a {@link SqlRewrite} in force from the start of each transaction to its
 * end: the connection the transaction takes, and with it every statement of the batch and of the token store, runs on
 * the shadow tables. Transactions start and end on the thread of the processor that runs them.
 */
final class ShadowTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final SqlRewrite rewrite;

    ShadowTransactionManager(TransactionManager delegate, SqlRewrite rewrite) {
        this.delegate = delegate;
        this.rewrite = rewrite;
    }

    @Override
    public Transaction startTransaction() {
        ShadowSql.enter(rewrite);
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException | Error failure) {
            ShadowSql.leave();
            throw failure;
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    ShadowSql.leave();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    ShadowSql.leave();
                }
            }
        };
    }
}
