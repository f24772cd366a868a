package io.unifiedcrm.infrastructure.web;

import io.unifiedcrm.infrastructure.axon.ReadModelCommits;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * Runs a {@link ReadYourWrites} read until it shows the version asked for: again after every commit of this JVM's
 * projections, and at least every {@code recheckInterval} (projections of another query-side instance do not signal
 * here), until {@code timeout}. Nothing is held while waiting (no transaction, no connection), but the request thread
 * is: at most {@code maxWaiting} requests wait at once, further ones are answered at once (stale if behind).
 */
public class ReadYourWritesWaiter {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$|^(\\d{1,18})$");

    private final ReadModelCommits commits;
    private final long timeoutNanos;
    private final long recheckNanos;
    private final Semaphore waiting;

    public ReadYourWritesWaiter(ReadModelCommits commits, Duration timeout, Duration recheckInterval,
                                int maxWaiting) {
        this.commits = commits;
        this.timeoutNanos = timeout.toNanos();
        this.recheckNanos = Math.max(1, recheckInterval.toNanos());
        this.waiting = new Semaphore(maxWaiting);
    }

    /** The version an {@value ReadYourWrites#HEADER} header names: {@code 3} or {@code "3"}; else a 400. */
    public static long minVersion(String header) {
        Long version = version(header);
        if (version == null) {
            throw new BadRequest("invalid_min_version", ReadYourWrites.HEADER, ReadYourWrites.HEADER
                    + " must be a version as a command answered it: a non-negative integer, e.g. 3 or \"3\".");
        }
        return version;
    }

    /**
     * Answers {@code read}'s result once it shows {@code minVersion} or later, or when the bound is reached: then the
     * latest result with {@value ReadYourWrites#STALE_HEADER}, or its not-found.
     */
    public Object read(long minVersion, Callable<Object> read, HttpServletResponse response) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean holdsPermit = false;
        try {
            while (true) {
                long seen = commits.count();
                Object answer = null;
                RuntimeException notFound = null;
                try {
                    answer = read.call();
                    Long shown = versionShown(answer);
                    if (shown == null || shown >= minVersion) {
                        return answer;
                    }
                } catch (RuntimeException failure) {
                    if (!isNotFound(failure)) {
                        throw failure;
                    }
                    notFound = failure;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !(holdsPermit || (holdsPermit = waiting.tryAcquire()))) {
                    return behind(answer, notFound, response);
                }
                try {
                    commits.awaitCommitAfter(seen, System.nanoTime() + Math.min(left, recheckNanos));
                } catch (InterruptedException shuttingDown) {
                    Thread.currentThread().interrupt();
                    return behind(answer, notFound, response);
                }
            }
        } finally {
            if (holdsPermit) {
                waiting.release();
            }
        }
    }

    private static Object behind(Object answer, RuntimeException notFound, HttpServletResponse response) {
        if (notFound != null) {
            throw notFound;
        }
        response.setHeader(ReadYourWrites.STALE_HEADER, "true");
        return answer;
    }

    private static boolean isNotFound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation violation) {
                return violation.errorCode() == ErrorCode.NOT_FOUND;
            }
        }
        return false;
    }

    /** The version an answer shows: its ETag, else its body's {@code version}; null when it has none. */
    static Long versionShown(Object answer) {
        Object body = answer;
        if (answer instanceof ResponseEntity<?> entity) {
            Long eTag = version(entity.getHeaders().getETag());
            if (eTag != null) {
                return eTag;
            }
            body = entity.getBody();
        }
        if (body != null && body.getClass().isRecord()) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                if (component.getName().equals("version")) {
                    try {
                        return component.getAccessor().invoke(body) instanceof Number number
                                ? number.longValue() : null;
                    } catch (ReflectiveOperationException unreadable) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Long version(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = VERSION.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
}
