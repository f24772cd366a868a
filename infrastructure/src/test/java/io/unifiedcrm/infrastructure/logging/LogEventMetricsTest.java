package io.unifiedcrm.infrastructure.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LogEventMetricsTest {

    private final LoggerContext context = new LoggerContext();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Logger logger = context.getLogger("some.library");

    @Test
    void countsTheEventsWrittenByLevelWithoutATurboFilter() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        try (LogEventMetrics metrics = new LogEventMetrics(context)) {
            metrics.bindTo(meters);
            logger.info("written");
            logger.warn("written");
            logger.debug("not written");

            assertThat(context.getTurboFilterList()).isEmpty();
            assertThat(count("info")).isEqualTo(1);
            assertThat(count("warn")).isEqualTo(1);
            assertThat(count("debug")).isZero();

            context.reset(); // as a reconfiguration does: every appender is detached
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            logger.error("written after the reset");
            assertThat(count("error")).isEqualTo(1);
        }
        logger.error("written after closing");
        assertThat(count("error")).as("no longer counted").isEqualTo(1);
    }

    private double count(String level) {
        return meters.get("logback.events").tag("level", level).counter().count();
    }
}
