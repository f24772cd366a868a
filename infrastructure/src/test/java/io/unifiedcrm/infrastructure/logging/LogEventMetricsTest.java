package io.unifiedcrm.infrastructure.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogEventMetricsTest {

    private final LoggerContext context = new LoggerContext();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Logger logger = context.getLogger("some.library");

    @Test
    void countsTheEventsWrittenByLevelWithoutATurboFilter() throws JoranException {
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

            context.reset(); // every appender is detached
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            logger.error("written after a reset");
            assertThat(count("error")).isEqualTo(1);

            reconfigureAsSpringBootDoes();
            logger.error("written after a reconfiguration");
            assertThat(count("error")).isEqualTo(2);
        }
        logger.error("written after closing");
        assertThat(count("error")).as("no longer counted").isEqualTo(2);
    }

    /** What Spring Boot's logging system does when another application context starts in the same JVM. */
    private void reconfigureAsSpringBootDoes() throws JoranException {
        context.stop();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(
                "<configuration><root level=\"INFO\"/></configuration>".getBytes(StandardCharsets.UTF_8)));
        context.start();
    }

    private double count(String level) {
        return meters.get("logback.events").tag("level", level).counter().count();
    }
}
