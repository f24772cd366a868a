package io.unifiedcrm.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, generate() + System.lineSeparator(), StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raceLost) {
                    // another process created it first; use theirs
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin key file " + file, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "ucrm_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
