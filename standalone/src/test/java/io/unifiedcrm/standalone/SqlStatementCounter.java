package io.unifiedcrm.standalone;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that HTTP request threads send to the database while counting is on, so a test can show
 * that an endpoint sends a bounded number of statements however much data it reads. Projections and other
 * background work run on other threads and are not counted. Wraps the application's DataSource (unwrap still
 * reaches the pool).
 */
public class SqlStatementCounter {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final AtomicInteger statements = new AtomicInteger();
    private volatile boolean counting;

    /** Starts counting from zero. */
    public void start() {
        statements.set(0);
        counting = true;
    }

    /** Stops counting and answers how many statements request threads sent since {@link #start()}. */
    public int stop() {
        counting = false;
        return statements.get();
    }

    DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, this::statementsOf) : result);
    }

    private Object statementsOf(Method method, Object result) {
        if (result instanceof Statement statement) {
            Class<?> type = method.getName().equals("prepareCall") ? java.sql.CallableStatement.class
                    : method.getName().equals("prepareStatement") ? java.sql.PreparedStatement.class
                    : Statement.class;
            return proxy(type, statement, (executed, ignored) -> {
                if (counting && EXECUTIONS.contains(executed.getName())
                        && Thread.currentThread().getName().contains("exec")) {
                    statements.incrementAndGet();
                }
                return ignored;
            });
        }
        return result;
    }

    private interface AfterCall {
        Object apply(Method method, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return after.apply(method, method.invoke(target, arguments));
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }

    /** Installs the counter around the application's DataSource. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        SqlStatementCounter sqlStatementCounter() {
            return new SqlStatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<SqlStatementCounter>
                                                            counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && beanName.equals("dataSource")
                            ? counter.getObject().counting(dataSource) : bean;
                }
            };
        }
    }
}
