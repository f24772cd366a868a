package io.unifiedcrm;

import io.unifiedcrm.infrastructure.UnifiedCrmApplication;
import io.unifiedcrm.projection.runtime.status.CommandLineRebuild;
import org.springframework.boot.SpringApplication;

/**
 * The query side on its own (split topology): tails the shared event store with streaming processors, builds the
 * read models and answers queries over HTTP. Needs {@code SPRING_DATASOURCE_URL}. Several instances share the
 * projection work through the token store.
 */
@UnifiedCrmApplication
public class QuerySideApplication {

    /** With {@code --rebuild=<projections>}: rebuilds them without the HTTP API and exits ({@link CommandLineRebuild}). */
    public static void main(String[] args) {
        if (CommandLineRebuild.requested(args).isPresent()) {
            System.exit(CommandLineRebuild.run(QuerySideApplication.class, args));
        }
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
