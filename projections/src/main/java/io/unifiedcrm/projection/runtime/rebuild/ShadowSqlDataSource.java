package io.unifiedcrm.projection.runtime.rebuild;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource, handing out connections that rewrite their SQL while a {@link SqlRewrite} is in
 * force on the taking thread ({@link ShadowSql}); otherwise the pool's connections unchanged. Whatever takes its
 * connections from this DataSource inside a shadow processor's transaction — Spring's transaction managers for JDBC
 * and JPA, hence JdbcTemplate, Spring Data JPA and Axon's token store alike — runs on the shadow tables.
 */
public class ShadowSqlDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Set<String> TAKING_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL");
    private static final Set<String> RUNNING_SQL = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    public ShadowSqlDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return rewriting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return rewriting(super.getConnection(username, password));
    }

    /** Closes the pool when the application stops, as it would without this wrapper. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static Connection rewriting(Connection connection) {
        SqlRewrite rewrite = ShadowSql.current();
        if (rewrite == null) {
            return connection;
        }
        return proxy(Connection.class, connection, (method, arguments) -> {
            if (TAKING_SQL.contains(method.getName()) && arguments[0] instanceof String sql) {
                arguments[0] = rewrite.apply(sql);
            }
            Object result = method.invoke(connection, arguments);
            if (method.getName().equals("createStatement")) {
                Statement statement = (Statement) result;
                return proxy(Statement.class, statement, (executed, executedArguments) -> {
                    if (RUNNING_SQL.contains(executed.getName()) && executedArguments != null
                            && executedArguments.length > 0 && executedArguments[0] instanceof String sql) {
                        executedArguments[0] = rewrite.apply(sql);
                    }
                    return executed.invoke(statement, executedArguments);
                });
            }
            return result;
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] arguments) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "equals":
                    return proxy == arguments[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "rewriting " + target;
                default:
                    try {
                        return call.invoke(method, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
            }
        };
        return (T) Proxy.newProxyInstance(ShadowSqlDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }
}
