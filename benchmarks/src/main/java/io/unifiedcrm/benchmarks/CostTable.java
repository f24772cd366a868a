package io.unifiedcrm.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The projection-cost tables, one for M1 and one for M4: each variant next to "all", and what leaving a processing
 * group out changes. A group's cost in throughput is {@code (without − all) / without} — the share of M1 (or M4) it
 * takes away; its cost in CPU is {@code (all − without) / all} — its share of the CPU (application and PostgreSQL)
 * per creation or per replayed event, which the other processes of a shared machine disturb far less. "all" is the
 * mean of its first and last run; their difference is the run-to-run spread.
 */
final class CostTable {

    private CostTable() {
    }

    static String markdown(List<ProjectionCosts.Variant> variants, Map<String, Object> machine, Duration m1,
                           long events, Duration took) {
        List<ProjectionCosts.Variant> alls = variants.stream().filter(variant -> variant.leftOut() == null).toList();
        ProjectionCosts.Variant first = alls.get(0);
        ProjectionCosts.Variant last = alls.get(alls.size() - 1);
        StringBuilder md = new StringBuilder("## Latest projection costs (`bench/projection-costs.sh`)\n\n");
        md.append("One run of `bench/projection-costs.sh`: each variant a fresh application on a fresh database of one "
                + "embedded PostgreSQL. M1: person creations over HTTP, 8 clients, ").append(m1.toSeconds())
                .append(" s after a 10 s warm-up; its CPU (application JVM + PostgreSQL) runs until every running "
                        + "projection has caught up, and \"caught up\" is that time after the end of M1. M4: ")
                .append(String.format(Locale.ROOT, "%,d", events)).append(" events in the store (COPY), every running "
                        + "projection replayed at once, from the replay requests until all reached the head. Cost in "
                        + "throughput = (without − all) / without; cost in CPU = (all − without) / all. \"all\" is "
                        + "the mean of the first and the last run; their spread is the noise floor of this run (a variant "
                + "that failed is left out).\n\n");

        double m1All = mean(first, last, ProjectionCosts.Variant::m1PerSecond);
        double m1CpuAll = mean(first, last, variant -> total(variant.m1CpuMillisPerCreation()));
        md.append("| M1 variant | creations/s | cost in M1 | CPU ms per creation (JVM + PostgreSQL) | cost in CPU "
                + "| caught up after M1 | peak RSS | load average before → after |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < variants.size(); i++) {
            ProjectionCosts.Variant variant = variants.get(i);
            boolean all = variant.leftOut() == null;
            double[] cpu = variant.m1CpuMillisPerCreation();
            md.append("| ").append(label(variant, i))
                    .append(" | ").append(number(variant.m1PerSecond()))
                    .append(" | ").append(all ? "" : percent(throughputCost(variant.m1PerSecond(), m1All)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f (%.2f + %.2f)", total(cpu), cpu[0], cpu[1]))
                    .append(" | ").append(all ? "" : percent(cpuCost(total(cpu), m1CpuAll)))
                    .append(" | ").append(seconds(variant.caughtUpSeconds()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f MiB", variant.rssMiB()))
                    .append(" | ").append(variant.loadBefore()).append(" → ").append(variant.loadAfter())
                    .append(" |\n");
        }

        double m4All = mean(first, last, ProjectionCosts.Variant::m4EventsPerSecond);
        double m4CpuAll = mean(first, last, variant -> total(variant.m4CpuMicrosPerEvent()));
        md.append("\n| M4 variant | events/s | cost in M4 | CPU µs per event (JVM + PostgreSQL) | cost in CPU |\n"
                + "|---|---|---|---|---|\n");
        for (int i = 0; i < variants.size(); i++) {
            ProjectionCosts.Variant variant = variants.get(i);
            boolean all = variant.leftOut() == null;
            double[] cpu = variant.m4CpuMicrosPerEvent();
            md.append("| ").append(label(variant, i))
                    .append(" | ").append(number(variant.m4EventsPerSecond()))
                    .append(variant.m4Completed() ? "" : " (timed out)")
                    .append(" | ").append(all ? "" : percent(throughputCost(variant.m4EventsPerSecond(), m4All)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f (%.0f + %.0f)", total(cpu), cpu[0], cpu[1]))
                    .append(" | ").append(all ? "" : percent(cpuCost(total(cpu), m4CpuAll)))
                    .append(" |\n");
        }
        if (alls.size() > 1) {
            md.append(String.format(Locale.ROOT, "%nReference \"all\" (mean of both runs): M1 %s creations/s "
                            + "(spread %s), %.2f CPU ms per creation (spread %s); M4 %s events/s (spread %s), %.0f CPU "
                            + "µs per event (spread %s).%n", number(m1All),
                    percent(spread(first.m1PerSecond(), last.m1PerSecond())), m1CpuAll,
                    percent(spread(total(first.m1CpuMillisPerCreation()), total(last.m1CpuMillisPerCreation()))),
                    number(m4All), percent(spread(first.m4EventsPerSecond(), last.m4EventsPerSecond())), m4CpuAll,
                    percent(spread(total(first.m4CpuMicrosPerEvent()), total(last.m4CpuMicrosPerEvent())))));
        } else {
            md.append(String.format(Locale.ROOT, "%nReference \"all\": its first run only (the last one failed, so "
                            + "this run shows no spread): M1 %s creations/s, %.2f CPU ms per creation; M4 %s events/s, "
                            + "%.0f CPU µs per event.%n", number(m1All), m1CpuAll, number(m4All), m4CpuAll));
        }
        md.append("\nProcessors of \"all\": ").append(String.join(", ", first.processors())).append(". M1 failures: ")
                .append(variants.stream().mapToLong(ProjectionCosts.Variant::m1Failures).sum())
                .append(". Run took ").append(took.toMinutes()).append(" min.\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    private static String label(ProjectionCosts.Variant variant, int index) {
        return variant.leftOut() != null ? variant.label() : index == 0 ? "all (first run)" : "all (last run)";
    }

    private static double mean(ProjectionCosts.Variant a, ProjectionCosts.Variant b,
                               ToDoubleFunction<ProjectionCosts.Variant> figure) {
        return (figure.applyAsDouble(a) + figure.applyAsDouble(b)) / 2;
    }

    private static double total(double[] parts) {
        return parts[0] + parts[1];
    }

    static double throughputCost(double without, double all) {
        return without <= 0 ? Double.NaN : 100 * (without - all) / without;
    }

    static double cpuCost(double without, double all) {
        return all <= 0 ? Double.NaN : 100 * (all - without) / all;
    }

    private static double spread(double a, double b) {
        return 100 * Math.abs(a - b) / ((a + b) / 2);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "not within 5 min" : String.format(Locale.ROOT, "%.2f s", value);
    }
}
