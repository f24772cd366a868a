package io.unifiedcrm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, and how busy the (shared) machine was. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("unknown");
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("CPU", cpu);
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", memory);
        machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("date", Instant.now().toString());
        String commit = System.getenv("BENCH_COMMIT");
        if (commit != null && !commit.isBlank()) {
            machine.put("commit", commit.strip());
        }
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages, as the kernel shows them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1-minute load average. */
    static double loadAverage1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
