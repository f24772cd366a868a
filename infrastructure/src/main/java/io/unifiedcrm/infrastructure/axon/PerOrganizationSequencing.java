package io.unifiedcrm.infrastructure.axon;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles the events of one organization one after the other, in the order of the stream, and different
 * organizations in parallel: for projections whose rows depend on rows of other aggregates of the same
 * organization (a merged person's flags combine two persons). Sequenced per aggregate, two segments could each
 * write in a transaction that does not see the other's yet-uncommitted rows, and both would be wrong. The
 * organization is the payload's {@code organizationId()}; a payload without one falls back to its aggregate.
 */
public final class PerOrganizationSequencing implements SequencingPolicy<EventMessage<?>> {

    private static final Map<Class<?>, Optional<Method>> ACCESSORS = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = ACCESSORS.computeIfAbsent(payload.getClass(), PerOrganizationSequencing::find);
        if (accessor.isPresent()) {
            try {
                Object organization = accessor.get().invoke(payload);
                if (organization != null) {
                    return organization;
                }
            } catch (ReflectiveOperationException unexpected) {
                throw new IllegalStateException("Cannot read organizationId of " + payload.getClass(), unexpected);
            }
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static Optional<Method> find(Class<?> type) {
        try {
            Method accessor = type.getMethod("organizationId");
            return accessor.getReturnType() == UUID.class ? Optional.of(accessor) : Optional.empty();
        } catch (NoSuchMethodException none) {
            return Optional.empty();
        }
    }
}
