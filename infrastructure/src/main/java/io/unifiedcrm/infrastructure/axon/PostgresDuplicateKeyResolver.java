package io.unifiedcrm.infrastructure.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) — also inside a batch's next exceptions — as the
 * duplicate key of a lost append race. Axon's {@code JdbcSQLErrorCodesResolver} looks for
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so without this a
 * second writer's conflict would surface as a generic storage error and never be retried.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
