package io.unifiedcrm.infrastructure.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code logback.events{level}}, the log events written by level — the counter of Spring Boot's Logback metrics,
 * counted by an appender on the root logger instead of Micrometer's turbo filter. Logback asks a turbo filter about
 * every log call, written or not (every {@code isDebugEnabled()} of every library, many per request); an appender
 * sees only the events that are written.
 */
public class LogEventMetrics implements MeterBinder, AutoCloseable {

    private final LoggerContext context;
    private final List<CountingAppender> appenders = new CopyOnWriteArrayList<>();
    private final LoggerContextListener reattachAfterReset = new ReattachAfterReset();
    private final ConfigurationEventListener reattachAfterConfiguration = event -> reattach();

    public LogEventMetrics(LoggerContext context) {
        this.context = context;
        context.addListener(reattachAfterReset);
        context.addConfigurationEventListener(reattachAfterConfiguration);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        CountingAppender appender = new CountingAppender(meters);
        appender.setContext(context);
        appender.setName("log-event-metrics");
        appenders.add(appender);
        attach(appender);
    }

    private void attach(CountingAppender appender) {
        appender.start();
        root().addAppender(appender);
    }

    /**
     * A reset detaches every appender. A reset alone tells the context's listeners; a reconfiguration (as Spring Boot
     * does when a second application context starts in the JVM) first stops the context, which drops those
     * listeners, so the end of the configuration that follows reattaches too.
     */
    private void reattach() {
        Logger root = root();
        for (CountingAppender appender : appenders) {
            if (!root.isAttached(appender)) {
                attach(appender);
            }
        }
    }

    @Override
    public void close() {
        context.removeListener(reattachAfterReset);
        context.removeConfigurationEventListener(reattachAfterConfiguration);
        for (CountingAppender appender : appenders) {
            root().detachAppender(appender);
            appender.stop();
        }
        appenders.clear();
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Counter error;
        private final Counter warn;
        private final Counter info;
        private final Counter debug;
        private final Counter trace;

        CountingAppender(MeterRegistry meters) {
            error = counter(meters, "error");
            warn = counter(meters, "warn");
            info = counter(meters, "info");
            debug = counter(meters, "debug");
            trace = counter(meters, "trace");
        }

        private static Counter counter(MeterRegistry meters, String level) {
            return Counter.builder("logback.events").tag("level", level)
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit("events").register(meters);
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                default -> trace.increment();
            }
        }
    }

    private final class ReattachAfterReset implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext resetContext) {
            reattach();
        }

        @Override
        public void onStart(LoggerContext startedContext) {
        }

        @Override
        public void onStop(LoggerContext stoppedContext) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
