package io.unifiedcrm.projection.runtime.rebuild;

/**
 * The {@link SqlRewrite} in force on the current thread: connections taken from the application's DataSource while
 * one is in force rewrite their SQL with it ({@link ShadowSqlDataSource}). Set for the span of a transaction of a
 * shadow processor ({@link ShadowTransactionManager}); nested transactions of the same rewrite count up and down.
 */
public final class ShadowSql {

    private record Binding(SqlRewrite rewrite, int depth) {
    }

    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private ShadowSql() {
    }

    public static SqlRewrite current() {
        Binding binding = CURRENT.get();
        return binding == null ? null : binding.rewrite();
    }

    public static void enter(SqlRewrite rewrite) {
        Binding binding = CURRENT.get();
        if (binding != null && binding.rewrite() != rewrite) {
            throw new IllegalStateException("Another rewrite is in force on this thread");
        }
        CURRENT.set(new Binding(rewrite, binding == null ? 1 : binding.depth() + 1));
    }

    public static void leave() {
        Binding binding = CURRENT.get();
        if (binding == null || binding.depth() == 1) {
            CURRENT.remove();
        } else {
            CURRENT.set(new Binding(binding.rewrite(), binding.depth() - 1));
        }
    }
}
