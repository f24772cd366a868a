package io.unifiedcrm.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unifiedcrm.infrastructure.axon.ReadModelCommits;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The waiting of read-your-writes without an application: a projection commit wakes a waiting read at once (long
 * before the recheck interval), a version that never comes ends in a stale answer at the bound, a not-found is waited
 * out or kept, and the header takes a version as a command answers it or nothing.
 */
class ReadYourWritesWaiterTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final ReadModelCommits commits = new ReadModelCommits();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aProjectionCommitWakesTheWaitingReadBeforeAnyRecheck() throws Exception {
        ReadYourWritesWaiter waiter = new ReadYourWritesWaiter(commits, LONG, LONG, 10);
        AtomicLong projected = new AtomicLong(2);
        AtomicInteger reads = new AtomicInteger();
        long started = System.nanoTime();

        Object answer = waiter.read(3, () -> {
            long version = projected.get();
            if (reads.incrementAndGet() == 1) {
                // the projection catches up on another thread, after this read saw version 2
                CompletableFuture.runAsync(() -> commitProjecting(() -> projected.set(3)));
            }
            return ResponseEntity.ok().eTag(String.valueOf(version)).body("person");
        }, response);

        assertThat(answer).isInstanceOf(ResponseEntity.class);
        assertThat(((ResponseEntity<?>) answer).getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(reads).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(response.getHeader(ReadYourWrites.STALE_HEADER)).isNull();
    }

    @Test
    void aVersionThatNeverComesIsAnsweredStaleAtTheBound() throws Exception {
        Duration bound = Duration.ofMillis(300);
        ReadYourWritesWaiter waiter = new ReadYourWritesWaiter(commits, bound, Duration.ofMillis(50), 10);
        long started = System.nanoTime();

        Object answer = waiter.read(9, () -> new Versioned("current", 4), response);

        assertThat(answer).isEqualTo(new Versioned("current", 4));
        assertThat(response.getHeader(ReadYourWrites.STALE_HEADER)).isEqualTo("true");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(bound);
    }

    @Test
    void aReadAfterCreateWaitsForTheResourceAndAMissingOneStaysA404() throws Exception {
        ReadYourWritesWaiter waiter = new ReadYourWritesWaiter(commits, LONG, Duration.ofMillis(20), 10);
        AtomicInteger reads = new AtomicInteger();
        Object created = waiter.read(0, () -> {
            if (reads.incrementAndGet() < 3) {
                throw DomainRuleViolation.notFound();
            }
            return ResponseEntity.ok().eTag("0").body("created");
        }, response);
        assertThat(((ResponseEntity<?>) created).getBody()).isEqualTo("created");

        ReadYourWritesWaiter briefly = new ReadYourWritesWaiter(commits, Duration.ofMillis(100),
                Duration.ofMillis(20), 10);
        assertThatThrownBy(() -> briefly.read(0, () -> {
            throw DomainRuleViolation.notFound();
        }, response)).isInstanceOf(DomainRuleViolation.class)
                .satisfies(thrown -> assertThat(((DomainRuleViolation) thrown).errorCode())
                        .isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> briefly.read(0, () -> {
            throw new DomainRuleViolation(ErrorCode.OUT_OF_STOCK, null, "other failures are not waited out");
        }, response)).hasMessage("other failures are not waited out");
    }

    @Test
    void anAnswerWithoutAVersionIsCurrentOnceItExists() throws Exception {
        ReadYourWritesWaiter waiter = new ReadYourWritesWaiter(commits, LONG, LONG, 10);
        assertThat(waiter.read(7, () -> "customer without a version", response))
                .isEqualTo("customer without a version");
        assertThat(response.getHeader(ReadYourWrites.STALE_HEADER)).isNull();
    }

    @Test
    void beyondTheWaitingLimitAReadIsAnsweredAtOnce() throws Exception {
        ReadYourWritesWaiter none = new ReadYourWritesWaiter(commits, LONG, LONG, 0);
        long started = System.nanoTime();

        assertThat(none.read(5, () -> new Versioned("behind", 1), response)).isEqualTo(new Versioned("behind", 1));

        assertThat(response.getHeader(ReadYourWrites.STALE_HEADER)).isEqualTo("true");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theHeaderIsAVersionAsACommandAnswersIt() {
        assertThat(ReadYourWritesWaiter.minVersion("3")).isEqualTo(3);
        assertThat(ReadYourWritesWaiter.minVersion("\"3\"")).isEqualTo(3);
        assertThat(ReadYourWritesWaiter.minVersion("W/\"12\"")).isEqualTo(12);
        assertThat(ReadYourWritesWaiter.minVersion(" 0 ")).isZero();
        for (String malformed : new String[] {"", "-1", "1.5", "abc", "\"3", "3\"", "0x1", "1e3", "3, 4",
                "9999999999999999999"}) {
            assertThatThrownBy(() -> ReadYourWritesWaiter.minVersion(malformed)).as(malformed)
                    .isInstanceOf(BadRequest.class)
                    .satisfies(thrown -> assertThat(((BadRequest) thrown).code()).isEqualTo("invalid_min_version"));
        }
    }

    @Test
    void theVersionShownIsTheETagElseTheBodysVersion() {
        assertThat(ReadYourWritesWaiter.versionShown(ResponseEntity.ok().eTag("5").body(new Versioned("x", 1))))
                .isEqualTo(5);
        assertThat(ReadYourWritesWaiter.versionShown(ResponseEntity.ok(new Versioned("x", 1)))).isEqualTo(1);
        assertThat(ReadYourWritesWaiter.versionShown(new Versioned("x", 2))).isEqualTo(2);
        assertThat(ReadYourWritesWaiter.versionShown("no version")).isNull();
        assertThat(ReadYourWritesWaiter.versionShown(null)).isNull();
    }

    /** What an event processor does: handles an event through the interceptor, then commits the batch. */
    private void commitProjecting(Runnable handler) {
        EventMessage<?> event = GenericEventMessage.asEventMessage("projected");
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            commits.handle(unitOfWork, () -> {
                handler.run();
                return null;
            });
            commits.handle(unitOfWork, () -> null); // a second event of the batch hooks nothing more
        } catch (Exception unexpected) {
            unitOfWork.rollback(unexpected);
            throw new IllegalStateException(unexpected);
        }
        unitOfWork.commit();
    }

    public record Versioned(String name, long version) {
    }
}
