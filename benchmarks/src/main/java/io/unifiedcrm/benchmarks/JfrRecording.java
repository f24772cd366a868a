package io.unifiedcrm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The application's flight recordings: execution samples by activity ({@link StackActivity}), thread group and
 * innermost package; socket writes to PostgreSQL (one per JDBC round trip: the driver flushes once per request) by
 * thread group. The settings files keep the recordings light: only these events.
 */
final class JfrRecording {

    static final String CPU_SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench-cpu">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting>\
            <setting name="period">10 ms</setting></event>
              <event name="jdk.GarbageCollection"><setting name="enabled">true</setting>\
            <setting name="threshold">0 ms</setting></event>
            </configuration>
            """;
    static final String ROUND_TRIP_SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench-round-trips">
              <event name="jdk.SocketWrite"><setting name="enabled">true</setting>\
            <setting name="stackTrace">false</setting><setting name="threshold">0 ms</setting></event>
            </configuration>
            """;

    private JfrRecording() {
    }

    /** Execution samples counted by activity, by thread group, by innermost package, and for "other" by frame. */
    record Samples(long total, Map<String, Long> byActivity, Map<String, Map<String, Long>> byActivityAndThreads,
                   Map<String, Map<String, Long>> byActivityAndInnermostPackage, Map<String, Long> byInnermostPackage,
                   Map<String, Long> otherByInnermostFrame, long garbageCollections, double gcPauseMillis) {
    }

    static Samples samples(Path recording) throws Exception {
        long total = 0;
        long collections = 0;
        double pauseMillis = 0;
        Map<String, Long> byActivity = new HashMap<>();
        Map<String, Map<String, Long>> byActivityAndThreads = new HashMap<>();
        Map<String, Long> byPackage = new HashMap<>();
        Map<String, Map<String, Long>> byActivityAndPackage = new HashMap<>();
        Map<String, Long> other = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    collections++;
                    pauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                List<String> frames = new ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    if (frame.getMethod() != null) {
                        frames.add(frame.getMethod().getType().getName() + "#" + frame.getMethod().getName());
                    }
                }
                if (frames.isEmpty()) {
                    continue;
                }
                total++;
                String activity = StackActivity.of(threadName, frames);
                byActivity.merge(activity, 1L, Long::sum);
                byActivityAndThreads.computeIfAbsent(activity, key -> new HashMap<>())
                        .merge(ThreadCpu.group(threadName), 1L, Long::sum);
                String innermost = frames.get(0);
                String innermostClass = innermost.substring(0, innermost.indexOf('#'));
                String innermostPackage = innermostClass.contains(".")
                        ? innermostClass.substring(0, innermostClass.lastIndexOf('.')) : innermostClass;
                byPackage.merge(innermostPackage, 1L, Long::sum);
                byActivityAndPackage.computeIfAbsent(activity, key -> new HashMap<>())
                        .merge(innermostPackage, 1L, Long::sum);
                if (activity.equals(StackActivity.OTHER) || activity.equals(StackActivity.PROCESSOR_FRAMEWORK)) {
                    other.merge(threadGroupPrefix(threadName) + innermost, 1L, Long::sum);
                }
            }
        }
        return new Samples(total, byActivity, byActivityAndThreads, byActivityAndPackage, byPackage, other,
                collections, pauseMillis);
    }

    private static String threadGroupPrefix(String thread) {
        return thread.replaceAll("-?\\d+$", "") + ": ";
    }

    /** Socket writes to {@code port} (the JDBC driver's requests: round trips) by thread group. */
    static Map<String, Long> writesTo(Path recording, int port) throws Exception {
        Map<String, Long> byGroup = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.SocketWrite") && event.getInt("port") == port) {
                    RecordedThread thread = event.getThread();
                    byGroup.merge(ThreadCpu.group(thread == null || thread.getJavaName() == null ? "?"
                            : thread.getJavaName()), 1L, Long::sum);
                }
            }
        }
        return byGroup;
    }

    static Path settings(Path directory, String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name + ".jfc"), content);
    }
}
