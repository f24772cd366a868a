package io.unifiedcrm.standalone;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Everything the application logs during the test suite, formatted exactly as its console appender formats it
 * (masking included), and the sensitive values the tests sent, for {@link LogScanTest}.
 */
final class SuiteLog {

    private static final String APPENDER = "suite-log";
    private static final StringBuffer TEXT = new StringBuffer();
    static final Queue<String> SENSITIVE_VALUES = new ConcurrentLinkedQueue<>();

    private SuiteLog() {
    }

    /** Attaches the capture to the root logger, again if Spring Boot re-initialised logging since. */
    static synchronized void attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        if (!(console instanceof OutputStreamAppender<ILoggingEvent> stream)
                || !(stream.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping)
                || !(wrapping.getLayout() instanceof ch.qos.logback.classic.PatternLayout layout)) {
            throw new IllegalStateException("the console appender is not configured as expected");
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(layout.getPattern());
        encoder.start();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                TEXT.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
            }
        };
        capture.setName(APPENDER);
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
    }

    static String text() {
        return TEXT.toString();
    }

    static void sensitive(String value) {
        if (value != null && !value.isBlank()) {
            SENSITIVE_VALUES.add(value);
        }
    }
}
