package io.unifiedcrm;

import io.unifiedcrm.infrastructure.UnifiedCrmApplication;
import org.springframework.boot.SpringApplication;

/**
 * Unified CRM in one JVM: command side, projections and query side on one port. Without
 * {@code SPRING_DATASOURCE_URL} it runs its own PostgreSQL 17 with the data under {@code UNIFIEDCRM_DATA_DIR}.
 */
@UnifiedCrmApplication
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
