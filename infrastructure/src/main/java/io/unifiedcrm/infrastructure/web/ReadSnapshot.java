package io.unifiedcrm.infrastructure.web;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of several statements on one snapshot of the database (a read-only REPEATABLE READ transaction): a
 * resource read in parts — an order's lines, payments and row — never mixes rows from before and after a
 * projection's commit, such as a placed order without its lines. Each statement of a read that begins the transaction
 * may run {@code unifiedcrm.database.read-statement-timeout} (5 s); past that the request is a 503
 * {@code statement_timeout} ({@link ProblemDetailsAdvice}).
 */
@Component
public class ReadSnapshot {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final long timeoutMillis;

    public ReadSnapshot(PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                        @Value("${unifiedcrm.database.read-statement-timeout:PT5S}") Duration timeout) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jdbc = jdbc;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    public <T> T of(Supplier<T> read) {
        return transactions.execute(status -> {
            if (status.isNewTransaction()) {
                jdbc.execute("SET LOCAL statement_timeout = " + timeoutMillis);
            }
            return read.get();
        });
    }
}
