package io.unifiedcrm.infrastructure.web;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of several statements on one snapshot of the database (a read-only REPEATABLE READ transaction): a
 * resource read in parts — an order's lines, payments and row — never mixes rows from before and after a
 * projection's commit, such as a placed order without its lines. A read that begins the transaction may take
 * {@code unifiedcrm.database.read-statement-timeout} (5 s); past that the request is a 503 {@code statement_timeout}
 * ({@link ProblemDetailsAdvice}).
 */
@Component
public class ReadSnapshot {

    private final TransactionTemplate transactions;

    public ReadSnapshot(PlatformTransactionManager transactionManager,
                        @Value("${unifiedcrm.database.read-statement-timeout:PT5S}") Duration timeout) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // Spring gives each JDBC statement of the transaction the time left as its query timeout: no statement more
        this.transactions.setTimeout(ReadTimeouts.seconds(timeout));
    }

    public <T> T of(Supplier<T> read) {
        return transactions.execute(status -> read.get());
    }
}
