package io.unifiedcrm;

import io.unifiedcrm.infrastructure.UnifiedCrmApplication;
import org.springframework.boot.SpringApplication;

/**
 * The query side on its own (split topology): tails the shared event store with streaming processors, builds the
 * read models and answers queries over HTTP. Needs {@code SPRING_DATASOURCE_URL}. Several instances share the
 * projection work through the token store.
 */
@UnifiedCrmApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
