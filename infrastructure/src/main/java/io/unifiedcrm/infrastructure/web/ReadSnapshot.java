package io.unifiedcrm.infrastructure.web;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of several statements on one snapshot of the database (a read-only REPEATABLE READ transaction): a
 * resource read in parts — an order's lines, payments and row — never mixes rows from before and after a
 * projection's commit, such as a placed order without its lines.
 */
@Component
public class ReadSnapshot {

    private final TransactionTemplate transactions;

    public ReadSnapshot(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T of(Supplier<T> read) {
        return transactions.execute(status -> read.get());
    }
}
