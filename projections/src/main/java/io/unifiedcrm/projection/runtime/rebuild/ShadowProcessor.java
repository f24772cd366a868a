package io.unifiedcrm.projection.runtime.rebuild;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.unifiedcrm.projection.runtime.BatchingInvoker;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * A pooled streaming processor of its own name and tokens that runs a live processor's handlers from the first event:
 * its tokens start as replay tokens up to the head of the stream at its creation, so up to there the handlers see a
 * replay — {@code @DisallowReplay} handlers do not run, {@code ReplayStatus} parameters say {@code REPLAY} — and
 * after it they see regular events. Its batches defer their writes as the live processor's do ({@link BatchingInvoker},
 * failing the batch at the first failure). Runs on threads of its own, which {@link #stop()} ends.
 */
final class ShadowProcessor {

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;
    private final AtomicReference<Exception> failure;

    private ShadowProcessor(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                            ScheduledExecutorService workers, AtomicReference<Exception> failure) {
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
        this.failure = failure;
    }

    /**
     * Stores the tokens of processor {@code name} for the given segments (those of the live processor, so the split
     * of the stream is the same) and builds the processor, not started.
     *
     * @param tokenTransactions the transactions the tokens are stored in now
     * @param batchTransactions the transactions the processor handles its batches and stores its tokens in
     */
    static ShadowProcessor create(String name, int[] segments, EventHandlerInvoker handlers,
                                  StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokens,
                                  TransactionManager tokenTransactions, TransactionManager batchTransactions,
                                  int batchSize, JdbcTemplate jdbc) {
        TrackingToken replay = ReplayToken.createReplayToken(source.createHeadToken());
        tokenTransactions.executeInTransaction(() -> {
            for (int segment : segments) {
                tokens.initializeSegment(replay, name, segment);
            }
        });
        AtomicReference<Exception> failure = new AtomicReference<>();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(threads(name, "coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments.length, threads(name, "worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new FailureRecordingInvoker(
                        new BatchingInvoker(failingFast(handlers), jdbc, null, false), failure))
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(batchTransactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments.length)
                .batchSize(batchSize)
                .build();
        return new ShadowProcessor(processor, coordinator, workers, failure);
    }

    /**
     * The same handlers and sequencing, but a failing handler fails its batch: never logged and skipped, nor put in a
     * dead-letter queue of the live processing group (a group's invoker is a multi-invoker around a dead-lettering
     * one) — the rebuild fails instead and the live tables stay. Handlers that must not run in a replay are refused:
     * events arriving during a rebuild reach both the live and the shadow processor, so their side effects would
     * happen twice.
     *
     * @throws IllegalStateException for invokers other than Axon's simple (or dead-lettering) and multi invokers,
     *                               and for handlers marked {@code @DisallowReplay}
     */
    static EventHandlerInvoker failingFast(EventHandlerInvoker handlers) {
        if (handlers instanceof BatchingInvoker batching) {
            return failingFast(batching.delegate());
        }
        if (handlers instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream().map(ShadowProcessor::failingFast).toList());
        }
        if (!(handlers instanceof SimpleEventHandlerInvoker simple)) {
            throw new IllegalStateException("Cannot run " + handlers.getClass().getName() + " in a shadow processor");
        }
        simple.eventHandlers().forEach(ShadowProcessor::requireReplayable);
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(simple.eventHandlers())
                .sequencingPolicy(simple.getSequencingPolicy())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    private static void requireReplayable(Object handler) {
        Class<?> type = handler instanceof AnnotationEventHandlerAdapter adapter ? adapter.getTargetType()
                : ClassUtils.getUserClass(handler);
        boolean disallowed = false;
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            disallowed |= level.isAnnotationPresent(DisallowReplay.class) || Arrays.stream(level.getDeclaredMethods())
                    .anyMatch(method -> method.isAnnotationPresent(DisallowReplay.class));
        }
        if (disallowed) {
            throw new IllegalStateException(type.getSimpleName() + " has handlers that must not run in a replay "
                    + "(side effects); a rebuild without downtime would run them twice for new events — use the replay");
        }
    }

    private static ThreadFactory threads(String name, String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + role + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    void start() {
        processor.start();
    }

    Map<Integer, EventTrackerStatus> processingStatus() {
        return processor.processingStatus();
    }

    boolean isError() {
        return processor.isError();
    }

    /**
     * The first exception a handler threw. A pooled processor retries a failed batch, in a while, for ever; a
     * rebuild gives up at the first failure instead.
     */
    Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Remembers the first exception of the handlers, which it passes on. */
    private record FailureRecordingInvoker(EventHandlerInvoker delegate, AtomicReference<Exception> failure)
            implements EventHandlerInvoker {

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            return delegate.canHandle(event, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return delegate.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) throws Exception {
            try {
                delegate.handle(event, segment);
            } catch (Exception handlerFailure) {
                failure.compareAndSet(null, handlerFailure);
                throw handlerFailure;
            }
        }

        @Override
        public boolean supportsReset() {
            return delegate.supportsReset();
        }

        @Override
        public void segmentReleased(Segment segment) {
            delegate.segmentReleased(segment);
        }
    }

    /** Stops the processor, once its current batch is done, and its threads. */
    void stop() {
        processor.shutdownAsync().join();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }
}
