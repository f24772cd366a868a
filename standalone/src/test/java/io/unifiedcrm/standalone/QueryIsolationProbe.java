package io.unifiedcrm.standalone;

import io.unifiedcrm.infrastructure.web.ReadSnapshot;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A query handler for tests that answers whether the query bus runs handlers in a transaction and the settings of a
 * {@link ReadSnapshot} within a handler.
 */
@TestConfiguration(proxyBeanMethods = false)
class QueryIsolationProbe {

    /** Asks whether a transaction surrounds the handler and for a snapshot's isolation level and read-only setting. */
    record TransactionSettingsQuery() {
    }

    record TransactionSettings(boolean transactionAroundHandler, String inSnapshot) {
    }

    static class Handler {

        private final JdbcTemplate jdbc;
        private final ReadSnapshot snapshot;

        Handler(JdbcTemplate jdbc, ReadSnapshot snapshot) {
            this.jdbc = jdbc;
            this.snapshot = snapshot;
        }

        @QueryHandler
        TransactionSettings handle(TransactionSettingsQuery query) {
            return new TransactionSettings(TransactionSynchronizationManager.isActualTransactionActive(),
                    snapshot.of(this::settings));
        }

        private String settings() {
            return jdbc.queryForObject("SELECT current_setting('transaction_isolation') || ', read only: ' "
                    + "|| current_setting('transaction_read_only')", String.class);
        }
    }

    @Bean
    Handler transactionSettingsHandler(JdbcTemplate jdbc, ReadSnapshot snapshot) {
        return new Handler(jdbc, snapshot);
    }
}
