package io.unifiedcrm.infrastructure.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which organization each aggregate belongs to, so that a command can be refused before it locks and loads another
 * organization's aggregate ({@link OrganizationCheckedLocks}). Written with the aggregate's first event, before the
 * append and in its transaction (like the other lookups written with the event); the organization is the first
 * event's {@code organizationId}, else its sender's. An aggregate never changes organization, so what was read once
 * is kept (bounded); an id without a row is a new aggregate (which {@link OrganizationCheckedLocks} does not ask
 * about), or one whose events this table never saw (Axon Server),
 * which the aggregate's own check still guards.
 */
public class AggregateOwners {

    private static final MethodType UUID_ACCESSOR = MethodType.methodType(UUID.class);

    private final JdbcTemplate jdbc;
    private final Map<UUID, UUID> known;
    private final Counter lookups;
    private final ClassValue<Optional<MethodHandle>> organizationAccessors = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> payloadType) {
            try {
                return Optional.of(MethodHandles.publicLookup()
                        .findVirtual(payloadType, "organizationId", UUID_ACCESSOR));
            } catch (NoSuchMethodException | IllegalAccessException none) {
                return Optional.empty();
            }
        }
    };

    public AggregateOwners(EventBus eventBus, JdbcTemplate jdbc, long remembered, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.lookups = Counter.builder("unifiedcrm.aggregate.owner.lookups")
                .description("Look-ups of an aggregate's organization in the database (not remembered yet)")
                .register(meters);
        this.known = Caffeine.newBuilder().maximumSize(remembered).<UUID, UUID>build().asMap();
        if (eventBus instanceof ClaimsBeforeAppendEventStore store) {
            store.subscribeBeforeAppend(this::record);
        } else {
            eventBus.subscribe(this::record);
        }
    }

    /** The organization the aggregate belongs to; empty for an id that is not a UUID or that the table does not know. */
    public Optional<UUID> ownerOf(String aggregateId) {
        UUID aggregate = uuidOrNull(aggregateId);
        if (aggregate == null) {
            return Optional.empty();
        }
        UUID owner = known.get(aggregate);
        if (owner == null) {
            lookups.increment();
            List<UUID> owners = jdbc.queryForList(
                    "SELECT organization_id FROM system.aggregate_owner WHERE aggregate_id = ?", UUID.class, aggregate);
            if (owners.isEmpty()) {
                return Optional.empty();
            }
            owner = owners.get(0);
            known.put(aggregate, owner);
        }
        return Optional.of(owner);
    }

    private void record(List<? extends EventMessage<?>> events) {
        List<Object[]> rows = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getSequenceNumber() == 0) {
                UUID aggregate = uuidOrNull(domainEvent.getAggregateIdentifier());
                UUID organization = organizationOf(domainEvent);
                if (aggregate != null && organization != null) {
                    rows.add(new Object[] {aggregate, organization});
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // A second creation of an id fails on the event table's own key, as it did before this table.
        jdbc.batchUpdate("""
                INSERT INTO system.aggregate_owner (aggregate_id, organization_id) VALUES (?, ?)
                ON CONFLICT (aggregate_id) DO NOTHING""", rows);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
            unitOfWork.afterCommit(committed -> rows.forEach(row -> known.put((UUID) row[0], (UUID) row[1])));
        }
    }

    private UUID organizationOf(DomainEventMessage<?> event) {
        Optional<MethodHandle> accessor = organizationAccessors.get(event.getPayloadType());
        if (accessor.isPresent()) {
            try {
                UUID organization = (UUID) accessor.get().invoke(event.getPayload());
                if (organization != null) {
                    return organization;
                }
            } catch (Throwable unexpected) {
                throw new IllegalStateException("Could not read the organization of " + event.getPayloadType(),
                        unexpected);
            }
        }
        return uuidOrNull(callerOrganization(event.getMetaData()));
    }

    /** The organization a message was sent for ({@link AuditMetadata#ORGANIZATION_ID}), or null. */
    static String callerOrganization(MetaData metaData) {
        Object organization = metaData.get(AuditMetadata.ORGANIZATION_ID);
        return organization == null ? null : organization.toString();
    }

    static UUID uuidOrNull(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
