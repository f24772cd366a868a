package io.unifiedcrm.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The standalone application under test, in its own JVM (so its memory is its own), on the harness's PostgreSQL.
 * Its peak resident set comes from the kernel; its peak heap is sampled from the actuator every second.
 */
final class ApplicationProcess implements AutoCloseable {

    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx768m", "-XX:+UseG1GC",
            "-XX:+HeapDumpOnOutOfMemoryError");

    private final Process process;
    private final int port;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakHeapBytes = new AtomicLong();

    private ApplicationProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ApplicationProcess start(Path jar, String jdbcUrl, String adminKey, Path workDirectory) throws Exception {
        return start(jar, jdbcUrl, adminKey, workDirectory, "application", List.of(), List.of());
    }

    /**
     * @param name            names its log ({@code <name>.log}) and data directory in the work directory
     * @param moreJvmOptions  after {@link #JVM_OPTIONS} (e.g. for profiling)
     * @param moreArguments   further application arguments (e.g. {@code --unifiedcrm.projections.disabled=search})
     */
    static ApplicationProcess start(Path jar, String jdbcUrl, String adminKey, Path workDirectory, String name,
                                    List<String> moreJvmOptions, List<String> moreArguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(moreJvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--unifiedcrm.admin.key=" + adminKey,
                "--unifiedcrm.data.dir=" + workDirectory.resolve(name.equals("application") ? "app" : name),
                "--unifiedcrm.rate-limit.enabled=false"));
        command.addAll(moreArguments);
        Path log = workDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ApplicationProcess application = new ApplicationProcess(process, port);
        Http http = new Http(application.baseUrl());
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application died; see " + log);
                }
                try {
                    return http.send("GET", "/actuator/health", null, null).statusCode() == 200;
                } catch (IllegalStateException notYet) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException notStarted) {
            throw new IllegalStateException("the application did not start; see " + log, notStarted);
        }
        application.sampler.scheduleAtFixedRate(() -> application.sampleHeap(http), 0, 1, TimeUnit.SECONDS);
        return application;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** The application's peak resident set size (VmHWM), in bytes. */
    long peakRssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** The top of the application's heap histogram (jcmd), for diagnosing memory in the log. */
    String heapHistogram() {
        try {
            return jcmd("GC.class_histogram").lines().skip(3).limit(8).reduce("", (a, b) -> a + "\n" + b);
        } catch (Exception e) {
            return "no histogram: " + e.getMessage();
        }
    }

    /** Runs a diagnostic command in the application's JVM ({@code jcmd <pid> ...}); answers its output. */
    String jcmd(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " did not finish");
        }
        return output;
    }

    long peakHeapBytes() {
        return peakHeapBytes.get();
    }

    private void sampleHeap(Http http) {
        try {
            long used = http.send("GET", "/actuator/prometheus", BenchmarkHarness.ADMIN_KEY, null).body().lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
            peakHeapBytes.accumulateAndGet(used, Math::max);
        } catch (RuntimeException ignored) {
            // a missed sample is not a failure of the run
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
