package io.unifiedcrm.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The callers of the API keys looked up recently, by the SHA-256 of the key, so that a request with a known key sends
 * no statement. Bounded; a key the database does not know (or knows as revoked) is never kept, so random keys
 * neither grow the cache nor push good keys out.
 * <p>
 * A revocation empties it: at once when this instance commits one ({@link #forgetAllAfterCommit()}), and when
 * {@link ApiKeyRevisions} finds that the stored keys changed elsewhere. The cache answers only while that check has
 * succeeded within {@code trustedFor}; otherwise every lookup goes to the database, so a revocation takes effect
 * everywhere within that bound even when the check cannot run.
 */
public class ApiKeyCache {

    private final Cache<String, OrganizationCaller> callers;
    /** Moves before every emptying: a lookup that saw it move may have read a key just before its revocation. */
    private final AtomicLong generation = new AtomicLong();
    private final long trustedForNanos;
    private final LongSupplier nanoClock;
    private volatile long confirmedAtNanos;

    /**
     * @param trustedFor how long after the last successful check of the stored keys' revision the cache may answer
     * @param nanoClock  {@link System#nanoTime()}, or a test's clock
     */
    public ApiKeyCache(long maximumSize, Duration trustedFor, LongSupplier nanoClock) {
        this.callers = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.trustedForNanos = trustedFor.toNanos();
        this.nanoClock = nanoClock;
        this.confirmedAtNanos = nanoClock.getAsLong() - trustedForNanos - 1; // not trusted before the first check
    }

    /** The caller of the key with this hash: from the cache, or by {@code lookUp} (kept when found). */
    public Optional<OrganizationCaller> find(String keyHash,
                                             Function<String, Optional<OrganizationCaller>> lookUp) {
        boolean trusted = nanoClock.getAsLong() - confirmedAtNanos <= trustedForNanos;
        if (trusted) {
            OrganizationCaller cached = callers.getIfPresent(keyHash);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long generationBefore = generation.get();
        Optional<OrganizationCaller> found = lookUp.apply(keyHash);
        if (trusted && found.isPresent()) {
            callers.put(keyHash, found.get());
            if (generation.get() != generationBefore) {
                // emptied while we looked: what we read may predate a revocation, so it must not stay
                callers.asMap().remove(keyHash, found.get());
            }
        }
        return found;
    }

    /** Forgets every key, at once. */
    public void forgetAll() {
        generation.incrementAndGet();
        callers.invalidateAll();
    }

    /**
     * Forgets every key once the current transaction has ended (at once without one): a lookup before the commit
     * still reads the key as valid, and must not be able to cache it afterwards.
     */
    public void forgetAllAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        } else {
            forgetAll();
        }
    }

    /**
     * The stored keys' revision was read successfully by a check that started at {@code startedAtNanos} (and every
     * key was forgotten if it had moved): the cache may answer until {@code trustedFor} after that.
     */
    public void confirmed(long startedAtNanos) {
        confirmedAtNanos = startedAtNanos;
    }

    long size() {
        callers.cleanUp();
        return callers.estimatedSize();
    }
}
