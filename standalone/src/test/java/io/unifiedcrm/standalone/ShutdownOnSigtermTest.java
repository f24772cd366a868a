package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.StandaloneApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone application as an operating system process: SIGTERM stops it cleanly, embedded PostgreSQL
 * included, so no orphaned postmaster keeps the data directory locked.
 */
class ShutdownOnSigtermTest {

    @Test
    void sigtermStopsTheApplicationAndItsEmbeddedPostgres() throws Exception {
        Path dataDirectory = StandaloneTest.newDataDirectory("sigterm");
        Path log = dataDirectory.resolve("application.log");
        Process application = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(),
                "-Xmx256m",
                StandaloneApplication.class.getName(),
                "--server.port=0",
                "--unifiedcrm.data.dir=" + dataDirectory,
                "--unifiedcrm.admin.key=sigterm-test-admin-key-0123456789"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.readString(log).contains("Started StandaloneApplication"));
            Path postmasterPid = dataDirectory.resolve("postgres").resolve("postmaster.pid");
            assertThat(postmasterPid).exists();
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            assertThat(ProcessHandle.of(postmaster)).isPresent();

            application.destroy(); // SIGTERM
            assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();

            assertThat(postmasterPid).doesNotExist();
            // the postmaster deletes its pid file just before it exits
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());
            assertThat(Files.readString(log)).doesNotContain("Could not stop postmaster");
        } finally {
            application.destroyForcibly();
        }
    }

    /** Surefire starts tests with a manifest-only jar; it publishes the real class path separately. */
    private static String testClassPath() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classPath.split(File.pathSeparator)).hasSizeGreaterThan(10);
        return classPath;
    }
}
