package io.unifiedcrm.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * M3 as the application measures it: {@code unifiedcrm_projection_visible_seconds}, the histogram of the time from an
 * event's creation to the commit of the projection batch that handled it, per processor. Two scrapes of
 * {@code /actuator/prometheus} around a phase give that phase's distribution; its percentiles are read off the
 * buckets (the upper bound of the bucket holding the percentile, so at most one bucket too high).
 */
final class ReadModelDelays {

    private static final Pattern BUCKET = Pattern.compile(
            "^unifiedcrm_projection_visible_seconds_bucket\\{(.*)} ([0-9.eE+-]+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
    private static final Pattern PROCESSOR = Pattern.compile("processor=\"([^\"]+)\"");

    /** Cumulative bucket counts: processor → upper bound (s) → events at or below it. */
    private final Map<String, TreeMap<Double, Double>> buckets;

    private ReadModelDelays(Map<String, TreeMap<Double, Double>> buckets) {
        this.buckets = buckets;
    }

    static ReadModelDelays scrape(Http http) {
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        for (String line : http.send("GET", "/actuator/prometheus", BenchmarkHarness.ADMIN_KEY, null).body().lines().toList()) {
            Matcher bucket = BUCKET.matcher(line);
            if (!bucket.matches()) {
                continue;
            }
            Matcher le = LE.matcher(bucket.group(1));
            Matcher processor = PROCESSOR.matcher(bucket.group(1));
            if (le.find() && processor.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.computeIfAbsent(processor.group(1), name -> new TreeMap<>())
                        .put(bound, Double.parseDouble(bucket.group(2)));
            }
        }
        return new ReadModelDelays(buckets);
    }

    /** Per processor with events in between: the percentile of the delays recorded between the two scrapes, in ms. */
    Map<String, Double> percentileSince(ReadModelDelays earlier, double percentile) {
        Map<String, Double> millis = new TreeMap<>();
        buckets.forEach((processor, now) -> {
            TreeMap<Double, Double> before = earlier.buckets.getOrDefault(processor, new TreeMap<>());
            double total = now.lastEntry().getValue() - before.getOrDefault(now.lastKey(), 0.0);
            if (total <= 0) {
                return;
            }
            for (Map.Entry<Double, Double> bucket : now.entrySet()) {
                double atOrBelow = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
                if (atOrBelow >= total * percentile / 100) {
                    millis.put(processor, bucket.getKey() * 1000);
                    return;
                }
            }
        });
        return millis;
    }

    /** "identity 246, search 268 ms": the processors' percentiles rounded to the millisecond. */
    static String describe(Map<String, Double> perProcessor) {
        return perProcessor.entrySet().stream().map(entry -> entry.getKey() + " " + Math.round(entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")) + " ms";
    }

    /** The highest of the processors' percentiles (the projection a client waits for longest); NaN if none. */
    static double slowest(Map<String, Double> perProcessor) {
        return perProcessor.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
