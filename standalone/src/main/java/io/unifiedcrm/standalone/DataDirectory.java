package io.unifiedcrm.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** Where the standalone application keeps its state: {@code UNIFIEDCRM_DATA_DIR}, by default {@code ./data}. */
public record DataDirectory(Path path) {

    static final String PROPERTY = "unifiedcrm.data.dir";
    static final String DEFAULT = "./data";

    public static DataDirectory of(Environment environment) {
        Path path = Path.of(environment.getProperty(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + path, e);
        }
        return new DataDirectory(path);
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }
}
