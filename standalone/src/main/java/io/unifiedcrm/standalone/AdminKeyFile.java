package io.unifiedcrm.standalone;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code UNIFIEDCRM_ADMIN_KEY}, the standalone application uses the admin key kept in the data directory
 * ({@code admin-key}, readable by its owner only), generating it on first start. The file's path is logged; the key
 * never is.
 */
public class AdminKeyFile implements EnvironmentPostProcessor {

    static final String PROPERTY = "unifiedcrm.admin.key";
    static final String FILE_NAME = "admin-key";

    private final Log log;

    public AdminKeyFile(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(AdminKeyFile.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        Path file = DataDirectory.of(environment).resolve(FILE_NAME);
        String key = readOrCreate(file);
        environment.getPropertySources().addLast(new MapPropertySource("adminKeyFile", Map.of(PROPERTY, key)));
        log.info("Platform admin key (UNIFIEDCRM_ADMIN_KEY not set): read it from " + file);
    }

    static String readOrCreate(Path file) {
        return SecretFile.readOrCreate(file, "ucrm_admin_");
    }
}
