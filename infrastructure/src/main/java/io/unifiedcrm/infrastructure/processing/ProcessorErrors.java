package io.unifiedcrm.infrastructure.processing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * The latest failed batch of each event processor, until the processor has passed the events of that batch. A pooled
 * processor releases a segment whose batch failed and claims it again after a back-off, so neither its segment
 * statuses nor {@code isError()} show the failure for long; the projection status and health read it here.
 */
@Component
public class ProcessorErrors {

    /** A failed batch: its cause, when, and the position of its last event (null when unknown). */
    public record Failure(String message, Instant at, Long lastEventPosition) {
    }

    private final Map<String, Failure> latest = new ConcurrentHashMap<>();

    /** Records the failure, then fails the batch as Axon's default does: the processor retries it. */
    public ErrorHandler recordingThenPropagating() {
        return context -> {
            record(context);
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    /** The processor's latest failure while {@code position} (its lowest) has not passed that batch, else null. */
    public Failure current(String processor, Long position) {
        Failure failure = latest.get(processor);
        if (failure != null && failure.lastEventPosition() != null && position != null
                && position >= failure.lastEventPosition()) {
            latest.remove(processor, failure);
            return null;
        }
        return failure;
    }

    private void record(ErrorContext context) {
        Long position = context.failedEvents().stream()
                .filter(TrackedEventMessage.class::isInstance)
                .map(event -> ((TrackedEventMessage<?>) event).trackingToken())
                .filter(Objects::nonNull)
                .map(token -> token.position().isPresent() ? token.position().getAsLong() : null)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
        latest.put(context.eventProcessor(), new Failure(describe(context.error()), Instant.now(), position));
    }

    /** The exception's type and message, and its innermost cause's: the root is what an operator can act on. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = summary(error) + (root == error ? "" : " — caused by " + summary(root));
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static String summary(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
