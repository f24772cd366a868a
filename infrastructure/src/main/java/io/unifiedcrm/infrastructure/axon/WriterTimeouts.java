package io.unifiedcrm.infrastructure.axon;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds how long a connection of the application's pool can hold a transaction — and with it a taken but
 * uncommitted global index of the event table — by PostgreSQL's {@code statement_timeout} and
 * {@code idle_in_transaction_session_timeout}, set on every new connection of a Hikari pool that has no
 * {@code connection-init-sql} of its own. Both stay well below the processors' gap timeout
 * ({@link EventGapSettings}), so a writer's index is committed or given up before any processor forgets it.
 * {@code PT0S} leaves a setting at the server's value.
 */
public class WriterTimeouts implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(WriterTimeouts.class);

    private final Duration statementTimeout;
    private final Duration idleInTransactionTimeout;

    public WriterTimeouts(Duration statementTimeout, Duration idleInTransactionTimeout) {
        this.statementTimeout = statementTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    /** The statement a new connection runs, or null when neither timeout is set. */
    public String connectionInitSql() {
        StringBuilder settings = new StringBuilder();
        append(settings, "statement_timeout", statementTimeout);
        append(settings, "idle_in_transaction_session_timeout", idleInTransactionTimeout);
        return settings.isEmpty() ? null : "SELECT " + settings;
    }

    private static void append(StringBuilder settings, String name, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return;
        }
        if (!settings.isEmpty()) {
            settings.append(", ");
        }
        settings.append("set_config('").append(name).append("', '").append(timeout.toMillis()).append("', false)");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        HikariDataSource pool = poolOf(bean);
        if (pool != null && pool.getConnectionInitSql() == null && !pool.isRunning()) {
            String sql = connectionInitSql();
            if (sql != null) {
                pool.setConnectionInitSql(sql);
                LOG.debug("Connections of pool {} run {}", beanName, sql);
            }
        }
        return bean;
    }

    /** The Hikari pool of a DataSource bean, also when another post-processor wrapped it (it must unwrap). */
    private static HikariDataSource poolOf(Object bean) {
        if (bean instanceof HikariDataSource pool) {
            return pool;
        }
        try {
            return bean instanceof DataSource dataSource && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException notAPool) {
            return null;
        }
    }
}
