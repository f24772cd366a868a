package io.unifiedcrm.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Zipf-distributed ranks 0..n-1 (exponent s): a few aggregates are hot, most are rarely touched. */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double exponent) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int next() {
        int index = Arrays.binarySearch(cumulative, ThreadLocalRandom.current().nextDouble());
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
