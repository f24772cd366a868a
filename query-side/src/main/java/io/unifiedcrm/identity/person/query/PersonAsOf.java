package io.unifiedcrm.identity.person.query;

import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.projection.AddressProcessingGroup;
import io.unifiedcrm.commerce.projection.CommerceProcessingGroup;
import io.unifiedcrm.crm.projection.CrmProcessingGroup;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.projection.runtime.asof.AsOfBudget;
import io.unifiedcrm.projection.runtime.asof.AsOfReplay;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person 360 as of a past instant ({@code GET /persons/{id}?asOf=}), computed from the events up to that instant
 * with the very projection handlers that build the live read models — never from what those read models hold now.
 *
 * <p>On empty temporary copies of the tables a person's 360 is read from ({@link #PERSON_TABLES}), in a read-only
 * transaction that is always rolled back (the projection runtime's {@link AsOfReplay}): find the person's merge
 * cluster as of the instant (the person and everybody merged into it then, from the merge and restore events), the
 * orders, deals, activities and addresses whose events referred to those persons by then (the candidates from
 * {@code identity.person_reference}, which the command side writes with those events; every event is read through
 * the event store, per aggregate, so no read scans the event table); replay the selected events up to the instant,
 * in the event store's global order, through the handler beans of the processing groups {@code identity},
 * {@code commerce}, {@code crm} and {@code addresses} into the copies; read the 360 with the live queries, which read
 * the copies. The live read models are neither written nor locked. The work is bounded by {@link AsOfBudget}.
 */
@Component
class PersonAsOf {

    static final Set<String> REPLAYED_GROUPS = Set.of(IdentityProcessingGroup.NAME, CommerceProcessingGroup.NAME,
            CrmProcessingGroup.NAME, AddressProcessingGroup.NAME);
    /**
     * The tables the replayed events of a person's cluster write, computed afresh in temporary copies; the groups'
     * other tables (organizations, teams, products, stock, pipelines) are read as they are.
     */
    static final List<String> PERSON_TABLES = List.of("identity.person", "identity.person_order",
            "identity.lead_score_entry", "commerce.customer", "commerce.orders", "commerce.order_line",
            "commerce.payment", "crm.contact", "crm.deal", "crm.deal_stage_history", "crm.activity",
            "crm.order_total", "shared.address");

    private final JdbcTemplate jdbc;
    private final AsOfReplay replay;

    PersonAsOf(JdbcTemplate jdbc, AsOfReplay replay) {
        this.jdbc = jdbc;
        this.replay = replay;
    }

    /**
     * @param asOf an ISO 8601 date-time with an offset ({@code 2026-01-31T12:00:00Z}); a {@code +} that the query
     *     string turned into a space is taken as a {@code +}
     * @throws BadRequest {@code invalid_as_of} when it is not one, or lies after {@code now}
     */
    static Instant parse(String asOf, Instant now) {
        Instant at;
        try {
            at = OffsetDateTime.parse(asOf.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new BadRequest("invalid_as_of", "asOf", "asOf is an ISO 8601 date-time with an offset, e.g. "
                    + "2026-01-31T12:00:00Z.");
        }
        if (at.isAfter(now)) {
            throw new BadRequest("invalid_as_of", "asOf", "asOf lies in the future; leave it out to read the "
                    + "person as they are now.");
        }
        return at;
    }

    /**
     * Computes the read models of the person as of {@code asOf} and answers what {@code read} reads from them.
     *
     * @return empty when the person did not exist in the organization at that instant
     * @throws AsOfReplay.Busy      when a rebuild's switch held one of the tables longer than
     *                              {@value AsOfReplay#LOCK_TIMEOUT}
     * @throws AsOfReplay.TooCostly past the bound of events or time
     */
    <T> Optional<T> at(UUID organizationId, UUID personId, Instant asOf, Supplier<T> read) {
        return replay.isolated(PERSON_TABLES, budget -> {
            List<DomainEventMessage<?>> person = replay.eventsOf(personId, asOf, budget);
            if (!createdIn(organizationId, person)) {
                return Optional.empty();
            }
            Map<UUID, List<DomainEventMessage<?>>> cluster = clusterAt(organizationId, personId, person, asOf, budget);
            Set<UUID> aggregates = new LinkedHashSet<>(references(organizationId, cluster.keySet(), "aggregate", asOf));
            List<List<DomainEventMessage<?>>> histories = new ArrayList<>(cluster.values());
            aggregates.stream().filter(aggregate -> !cluster.containsKey(aggregate))
                    .forEach(aggregate -> histories.add(replay.eventsOf(aggregate, asOf, budget)));
            replay.replay(REPLAYED_GROUPS, AsOfReplay.inStoreOrder(histories), budget);
            return Optional.ofNullable(read.get());
        });
    }

    /** Whether the events (a person's, up to the instant) begin with its creation in the organization. */
    private static boolean createdIn(UUID organizationId, List<DomainEventMessage<?>> events) {
        return !events.isEmpty() && events.get(0).getPayload() instanceof PersonCreatedEvent created
                && created.organizationId().equals(organizationId);
    }

    /**
     * The person and everybody merged into it (recursively) at that instant, each with its events up to then: a
     * person is in when its last merge or restore event by then is a merge into a person of the cluster. The
     * candidates are the persons ever merged into one of the cluster ({@code identity.person_reference}).
     */
    private Map<UUID, List<DomainEventMessage<?>>> clusterAt(UUID organizationId, UUID personId,
                                                             List<DomainEventMessage<?>> events, Instant at,
                                                             AsOfBudget budget) {
        Map<UUID, List<DomainEventMessage<?>>> cluster = new LinkedHashMap<>();
        cluster.put(personId, events);
        Deque<UUID> survivors = new ArrayDeque<>(List.of(personId));
        while (!survivors.isEmpty()) {
            UUID survivor = survivors.poll();
            for (UUID source : references(organizationId, Set.of(survivor), "merged", at)) {
                if (cluster.containsKey(source)) {
                    continue;
                }
                List<DomainEventMessage<?>> history = replay.eventsOf(source, at, budget);
                if (survivor.equals(mergedInto(history))) {
                    cluster.put(source, history);
                    survivors.add(source);
                }
            }
        }
        return cluster;
    }

    /** Whom the person's events make it merged into at their end; null when it stands alone. */
    private static UUID mergedInto(List<DomainEventMessage<?>> history) {
        UUID survivor = null;
        for (DomainEventMessage<?> event : history) {
            if (event.getPayload() instanceof PersonMergedIntoEvent merged) {
                survivor = merged.survivorId();
            } else if (event.getPayload() instanceof PersonRestoredFromMergeEvent) {
                survivor = null;
            }
        }
        return survivor;
    }

    /**
     * The persons merged into the persons (kind {@code merged}), or the orders, deals, activities and addresses whose
     * events referred to them ({@code aggregate}), by that instant.
     */
    private List<UUID> references(UUID organizationId, Set<UUID> persons, String kind, Instant at) {
        return jdbc.queryForList("""
                        SELECT DISTINCT referrer_id FROM identity.person_reference
                        WHERE organization_id = ? AND person_id = ANY (cast(? AS uuid[])) AND kind = ? AND first_at <= ?
                        ORDER BY referrer_id""",
                UUID.class, organizationId, array(persons), kind, at.atOffset(ZoneOffset.UTC));
    }

    /** A PostgreSQL array literal of the values (UUIDs and class names need no quoting). */
    private static String array(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
