package io.unifiedcrm.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private static final OrganizationCaller CALLER =
            new OrganizationCaller(UUID.randomUUID(), "apiKey:" + UUID.randomUUID(), Set.of(OrganizationCaller.READ));
    private static final Duration TRUSTED_FOR = Duration.ofSeconds(2);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ApiKeyCache cache = new ApiKeyCache(100, TRUSTED_FOR, now::get);
    private final AtomicInteger lookUps = new AtomicInteger();
    private final Function<String, Optional<OrganizationCaller>> database = hash -> {
        lookUps.incrementAndGet();
        return hash.equals("known") ? Optional.of(CALLER) : Optional.empty();
    };

    @Test
    void aKnownKeyIsLookedUpOnce() {
        cache.confirmed(now.get());
        assertThat(cache.find("known", database)).contains(CALLER);
        assertThat(cache.find("known", database)).contains(CALLER);
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void unknownKeysAreNeverKept() {
        cache.confirmed(now.get());
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.find("random-" + i, database)).isEmpty();
        }
        assertThat(cache.find("random-0", database)).isEmpty();
        assertThat(lookUps).hasValue(1001);
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgettingAllMakesTheNextRequestLookUpAgain() {
        cache.confirmed(now.get());
        cache.find("known", database);
        cache.forgetAll();
        cache.find("known", database);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void withoutARecentCheckOfTheRevisionEveryRequestLooksUp() {
        cache.find("known", database);
        cache.find("known", database);
        assertThat(lookUps).as("before the first check").hasValue(2);

        cache.confirmed(now.get());
        cache.find("known", database);
        cache.find("known", database);
        assertThat(lookUps).hasValue(3);

        now.addAndGet(TRUSTED_FOR.toNanos() + 1);
        cache.find("known", database);
        assertThat(lookUps).as("the last check is too old").hasValue(4);
    }

    /**
     * A lookup reads the key just before its revocation commits; the revocation empties the cache; only then does
     * the lookup answer. That request was concurrent with the revocation and may pass, but the key must not stay.
     */
    @Test
    void aLookupThatReadTheKeyBeforeTheRevocationDoesNotKeepIt() throws Exception {
        cache.confirmed(now.get());
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch revoked = new CountDownLatch(1);
        CompletableFuture<Optional<OrganizationCaller>> racing = CompletableFuture.supplyAsync(
                () -> cache.find("known", hash -> {
                    Optional<OrganizationCaller> beforeTheRevocation = database.apply(hash);
                    read.countDown();
                    await(revoked);
                    return beforeTheRevocation;
                }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        cache.forgetAll();
        revoked.countDown();
        assertThat(racing.get(10, TimeUnit.SECONDS)).contains(CALLER);

        assertThat(cache.size()).isZero();
        cache.find("known", database);
        assertThat(lookUps).as("the next request reads the database again").hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
