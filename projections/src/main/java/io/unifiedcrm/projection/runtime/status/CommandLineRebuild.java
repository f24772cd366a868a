package io.unifiedcrm.projection.runtime.status;

import io.unifiedcrm.shared.DomainRuleViolation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar <application>.jar --rebuild=identity,crm}: starts the application without its HTTP API, rebuilds
 * those projections (reset and replay), waits until they have caught up, stops. Exit code 0 when done, 1 when a
 * projection is unknown, has side effects or did not catch up within {@code unifiedcrm.rebuild.timeout} (PT1H).
 */
public final class CommandLineRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineRebuild.class);
    private static final String OPTION = "--rebuild=";

    private CommandLineRebuild() {
    }

    /** The projections {@code --rebuild=} names, if the command line asks for a rebuild. */
    public static Optional<List<String>> requested(String[] args) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(OPTION)).findFirst()
                .map(arg -> Arrays.stream(arg.substring(OPTION.length()).split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).toList());
    }

    /** Runs the rebuild the command line asks for. @return the process's exit code */
    public static int run(Class<?> application, String[] args) {
        List<String> names = requested(args).orElseThrow();
        String[] rest = Arrays.stream(args).filter(arg -> !arg.startsWith(OPTION)).toArray(String[]::new);
        SpringApplication rebuild = new SpringApplication(application);
        rebuild.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = rebuild.run(rest)) {
            Duration timeout = context.getEnvironment().getProperty("unifiedcrm.rebuild.timeout", Duration.class,
                    Duration.ofHours(1));
            context.getBean(ProjectionRebuild.class).rebuild(names, timeout);
            return 0;
        } catch (DomainRuleViolation | IllegalStateException refused) {
            LOG.error("Rebuild of {} failed: {}", names, refused.getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
