package io.unifiedcrm.infrastructure.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the revision of the stored API keys ({@code auth.api_key_revision}, moved by a trigger in the transaction of
 * every change to {@code auth.api_key}) every {@code checkInterval}, and empties the {@link ApiKeyCache} when it has
 * moved: how a revocation committed by another instance — or by hand in SQL — reaches this one. One indexed
 * single-row read per interval, whatever the request rate.
 */
public class ApiKeyRevisions implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRevisions.class);

    private final JdbcTemplate jdbc;
    private final ApiKeyCache cache;
    private final Duration checkInterval;
    private final LongSupplier nanoClock;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService checker;
    private Long knownRevision;
    private boolean failing;

    public ApiKeyRevisions(JdbcTemplate jdbc, ApiKeyCache cache, Duration checkInterval, LongSupplier nanoClock) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.checkInterval = checkInterval;
        this.nanoClock = nanoClock;
    }

    /** One check: forgets the cached keys if the revision moved since the last check, then confirms the cache. */
    synchronized void check() {
        long startedAt = nanoClock.getAsLong();
        long revision;
        try {
            revision = jdbc.queryForObject("SELECT revision FROM auth.api_key_revision", Long.class);
        } catch (DataAccessException unreadable) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot read the API keys' revision; API keys are looked up in the database until it can "
                        + "be read again: {}", unreadable.toString());
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("The API keys' revision can be read again");
        }
        if (knownRevision != null && knownRevision != revision) {
            cache.forgetAll();
        }
        knownRevision = revision;
        cache.confirmed(startedAt);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "api-key-revisions");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::checkSafely, 0, checkInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException unexpected) {
            LOG.warn("Checking the API keys' revision failed", unexpected);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (checker != null) {
                checker.shutdownNow();
                checker = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return checker != null;
        }
    }
}
