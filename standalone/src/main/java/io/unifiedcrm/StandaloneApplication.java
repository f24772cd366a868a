package io.unifiedcrm;

import io.unifiedcrm.infrastructure.UnifiedCrmApplication;
import io.unifiedcrm.projection.runtime.status.CommandLineRebuild;
import org.springframework.boot.SpringApplication;

/**
 * Unified CRM in one JVM: command side, projections and query side on one port. Without
 * {@code SPRING_DATASOURCE_URL} it runs its own PostgreSQL 17 with the data under {@code UNIFIEDCRM_DATA_DIR}.
 */
@UnifiedCrmApplication
public class StandaloneApplication {

    /** With {@code --rebuild=<projections>}: rebuilds them without the HTTP API and exits ({@link CommandLineRebuild}). */
    public static void main(String[] args) {
        if (CommandLineRebuild.requested(args).isPresent()) {
            System.exit(CommandLineRebuild.run(StandaloneApplication.class, args));
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
