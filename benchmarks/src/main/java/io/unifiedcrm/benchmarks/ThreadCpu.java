package io.unifiedcrm.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application JVM's CPU by thread group, from the {@code cpu=} of every thread (Java and VM threads) in two
 * {@code jcmd Thread.print} dumps: HTTP request threads, Axon's coordinators and work packages (per processor), the
 * event-availability signal, GC, JIT compilers, the profiler, others.
 */
final class ThreadCpu {

    static final String HTTP = "HTTP request threads (http-nio-*: HTTP, security, command handling, append, "
            + "commit)";
    static final String COORDINATORS = "Axon coordinators (Coordinator[*])";
    static final String WORK_PACKAGES = "work packages: ";

    private static final Pattern THREAD = Pattern.compile(
            "^\"([^\"]*)\" (#\\d+ )?.*?cpu=([0-9.]+)ms .*?nid=(0x[0-9a-f]+|[0-9]+)");

    private ThreadCpu() {
    }

    /** @param javaThread whether it runs Java code (a Java thread) rather than a VM thread (GC, compiler) */
    record Thread(String name, boolean javaThread, double cpuMillis) {
    }

    /** The threads of a {@code Thread.print} dump by native thread id. */
    static Map<String, Thread> parse(String threadDump) {
        Map<String, Thread> threads = new HashMap<>();
        for (String line : threadDump.split("\n")) {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                threads.put(thread.group(4), new Thread(thread.group(1), thread.group(2) != null,
                        Double.parseDouble(thread.group(3))));
            }
        }
        return threads;
    }

    /** CPU milliseconds by thread group between two dumps (threads that ended in between are not in it). */
    static Map<String, Double> between(Map<String, Thread> start, Map<String, Thread> end) {
        Map<String, Double> byGroup = new TreeMap<>();
        end.forEach((id, thread) -> {
            Thread before = start.get(id);
            double millis = thread.cpuMillis() - (before != null && before.name().equals(thread.name())
                    ? before.cpuMillis() : 0);
            byGroup.merge(group(thread), millis, Double::sum);
        });
        return byGroup;
    }

    static String group(Thread thread) {
        return group(thread.name());
    }

    static String group(String name) {
        if (name.startsWith("http-nio-")) {
            return HTTP;
        }
        if (name.startsWith("Coordinator[")) {
            return COORDINATORS;
        }
        if (name.startsWith("WorkPackage[") && name.indexOf(']') > 0) {
            return WORK_PACKAGES + name.substring("WorkPackage[".length(), name.indexOf(']'));
        }
        if (name.equals("event-availability")) {
            return "event-availability (wake-up of the processors)";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")
                || name.equals("VM Thread")) {
            return "GC and VM (GC Thread*, G1*, VM Thread)";
        }
        if (name.contains("CompilerThread")) {
            return "JIT compilers";
        }
        if (name.startsWith("JFR") || name.equals("Attach Listener")) {
            return "profiler (JFR, jcmd)";
        }
        if (name.startsWith("HikariPool") || name.contains("housekeeper")) {
            return "connection pool housekeeping";
        }
        return "other threads";
    }
}
