package io.unifiedcrm.infrastructure.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The token buckets the rate limits use (bucket4j), and what they tell a client to wait. */
final class TokenBuckets {

    private TokenBuckets() {
    }

    /** Full at {@code capacity}, refilled greedily at {@code refillPerSecond}. */
    static Bucket of(long capacity, long refillPerSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(refillPerSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    /** A {@code Retry-After} in whole seconds, at least 1, for a wait in nanoseconds. */
    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
    }
}
