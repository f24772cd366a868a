package io.unifiedcrm;

import io.unifiedcrm.infrastructure.UnifiedCrmApplication;
import org.springframework.boot.SpringApplication;

/**
 * The command side on its own (split topology): takes commands over HTTP and appends events to the shared
 * PostgreSQL event store (or Axon Server with the {@code axonserver} profile). Needs {@code SPRING_DATASOURCE_URL}.
 */
@UnifiedCrmApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
