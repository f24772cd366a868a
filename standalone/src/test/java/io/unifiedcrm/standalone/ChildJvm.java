package io.unifiedcrm.standalone;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of the applications as an operating system process of its own, as it is deployed: started with {@code java},
 * its output appended to {@code target/child-jvms/<name>.log} (kept across restarts, its tail printed when it fails
 * to start), stopped with SIGTERM or killed with SIGKILL. Its HTTP port stays the same across restarts.
 */
final class ChildJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Small and quick to start: these processes live for seconds to a minute. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Daxoniq.update-checker.disabled=true");

    private final String name;
    private final List<String> launch;
    private final List<String> arguments;
    private final Path log;
    private final int port;
    private volatile Process process;
    private Duration lastStartTime;

    private ChildJvm(String name, List<String> launch, List<String> arguments) {
        this.name = name;
        this.launch = launch;
        this.port = freePort();
        this.arguments = new ArrayList<>(arguments);
        this.arguments.add("--server.port=" + port);
        try {
            this.log = Files.createDirectories(Path.of("target", "child-jvms")).resolve(name + ".log").toAbsolutePath();
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // should this JVM end before the test closes the process (a test run killed), take the process along
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process != null) {
                process.destroyForcibly();
            }
        }, "stop-" + name));
    }

    /** A Spring Boot executable jar of a sibling module, e.g. {@code command-side}'s {@code -exec.jar}. */
    static ChildJvm executableJar(String name, String module, List<String> arguments) {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow();
            return new ChildJvm(name, List.of("-jar", jar.toString()), arguments);
        } catch (IOException | java.util.NoSuchElementException missing) {
            throw new IllegalStateException("no executable jar in " + target + ": build the reactor ("
                    + "./mvnw verify, or -pl standalone -am) so that " + module + " is packaged first", missing);
        }
    }

    /** A main class on this test's own class path (the standalone application and everything it depends on). */
    static ChildJvm mainClass(String name, Class<?> mainClass, List<String> arguments) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (classPath.split(File.pathSeparator).length < 10) {
            throw new IllegalStateException("not the test class path: " + classPath);
        }
        return new ChildJvm(name, List.of("-cp", classPath, mainClass.getName()), arguments);
    }

    /** Starts the process and waits until it answers its readiness probe. */
    ChildJvm start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(launch);
        command.addAll(arguments);
        long started = System.nanoTime();
        try {
            Files.writeString(log, "==== start " + java.time.Instant.now() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue());
                }
                return ready();
            });
        } catch (RuntimeException notStarted) {
            throw new IllegalStateException(name + " did not start; the tail of " + log + ":\n" + tail(60),
                    notStarted);
        }
        lastStartTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM: the application shuts down gracefully (processors release their segments). */
    void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL ({@code kill -9}): nothing of the application runs any more, not even a shutdown hook. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not exit within 60 s:\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    long pid() {
        return process.pid();
    }

    /** The owner Axon writes into {@code axon.token_entry}: the JVM's name, {@code <pid>@<host>}. */
    boolean owns(String tokenOwner) {
        return tokenOwner != null && tokenOwner.startsWith(pid() + "@");
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Duration lastStartTime() {
        return lastStartTime;
    }

    /** The last lines of the process's output. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
