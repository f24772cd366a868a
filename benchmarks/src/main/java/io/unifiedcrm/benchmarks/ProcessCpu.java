package io.unifiedcrm.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU time of processes and of the whole machine, from {@code /proc} (Linux; clock ticks of 1/100 s). */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /**
     * @param selfSeconds           user + system time of the process itself
     * @param reapedChildrenSeconds user + system time of its children that ended and were waited for
     */
    record Stat(long pid, long parentPid, String name, double selfSeconds, double reapedChildrenSeconds) {
    }

    /** The process's times, or null if it is gone. */
    static Stat stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            // fields[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17
            return new Stat(pid, Long.parseLong(fields[1]), line.substring(open + 1, close),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The living children of a process. */
    static List<Stat> children(long parentPid) throws IOException {
        List<Stat> children = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                Stat stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat != null && stat.parentPid() == parentPid) {
                    children.add(stat);
                }
            }
        }
        return children;
    }

    /** The busy and the total CPU seconds of all cores since boot ({@code /proc/stat}). */
    static double[] machine() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
    }
}
