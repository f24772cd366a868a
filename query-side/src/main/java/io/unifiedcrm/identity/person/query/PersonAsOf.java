package io.unifiedcrm.identity.person.query;

import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.projection.AddressProcessingGroup;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.commerce.projection.CommerceProcessingGroup;
import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealChangedEvent;
import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.projection.CrmProcessingGroup;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.projection.runtime.asof.AsOfReplay;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>In one database transaction that is always rolled back (the projection runtime's {@link AsOfReplay}): find the
 * person's merge cluster as of the instant (the person and everybody merged into it then, from the merge and restore
 * events), the orders, deals, activities and addresses whose events referred to those persons by then; delete the live
 * rows those events build (and every live row of the persons merged into the person now); replay the selected events
 * up to the instant, in the event store's global order, through the handler beans of the processing groups
 * {@code identity}, {@code commerce}, {@code crm} and {@code addresses}; read the 360 with the live queries; roll
 * back. The deleted rows stay locked until the rollback; waiting longer than {@value AsOfReplay#LOCK_TIMEOUT} for a
 * row another transaction holds is an {@link AsOfReplay.Busy}.
 */
@Component
class PersonAsOf {

    static final Set<String> REPLAYED_GROUPS = Set.of(IdentityProcessingGroup.NAME, CommerceProcessingGroup.NAME,
            CrmProcessingGroup.NAME, AddressProcessingGroup.NAME);

    /** Events whose personId (or, for addresses, a person entityId) makes their aggregate part of a person's 360. */
    private static final List<String> REFERRING_EVENTS = names(OrderCreatedEvent.class, DealCreatedEvent.class,
            DealChangedEvent.class, ActivityCreatedEvent.class, ActivityChangedEvent.class, AddressAddedEvent.class,
            AddressChangedEvent.class);

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
     * @throws AsOfReplay.Busy when a row stayed locked longer than {@value AsOfReplay#LOCK_TIMEOUT}
     */
    <T> Optional<T> at(UUID organizationId, UUID personId, Instant asOf, Supplier<T> read) {
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        if (!existedAt(organizationId, personId, at)) {
            return Optional.empty();
        }
        return replay.rolledBack(() -> {
            Set<UUID> cluster = clusterAt(organizationId, personId, at);
            Set<UUID> aggregates = referringAggregates(organizationId, cluster, at);
            List<DomainEventMessage<?>> events = replay.eventsUpTo(union(cluster, aggregates), at);
            clearLiveRows(organizationId, personId, cluster, aggregates);
            replay.replay(REPLAYED_GROUPS, events);
            return Optional.ofNullable(read.get());
        });
    }

    private boolean existedAt(UUID organizationId, UUID personId, OffsetDateTime at) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM axon.domain_event_entry
                                       WHERE aggregate_identifier = ? AND sequence_number = 0 AND payload_type = ?
                                         AND cast(time_stamp AS timestamptz) <= ?
                                         AND convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?)""",
                Boolean.class, personId.toString(), PersonCreatedEvent.class.getName(), at,
                organizationId.toString()));
    }

    /** The person and everybody merged into it (recursively) at that instant: a merge not restored by then. */
    private Set<UUID> clusterAt(UUID organizationId, UUID personId, OffsetDateTime at) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                        WITH RECURSIVE state AS (
                            SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier AS source, payload_type,
                                   convert_from(payload, 'UTF8')::jsonb ->> 'survivorId' AS survivor
                            FROM axon.domain_event_entry
                            WHERE payload_type IN (?, ?) AND cast(time_stamp AS timestamptz) <= ?
                              AND convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?
                            ORDER BY aggregate_identifier, sequence_number DESC
                        ), cluster (id) AS (
                            SELECT cast(? AS varchar)
                            UNION
                            SELECT state.source FROM state JOIN cluster ON state.survivor = cluster.id
                            WHERE state.payload_type = ?
                        )
                        SELECT cast(id AS uuid) FROM cluster""", UUID.class,
                PersonMergedIntoEvent.class.getName(), PersonRestoredFromMergeEvent.class.getName(), at,
                organizationId.toString(), personId.toString(), PersonMergedIntoEvent.class.getName()));
    }

    /** The orders, deals, activities and addresses whose events up to that instant referred to the persons. */
    private Set<UUID> referringAggregates(UUID organizationId, Set<UUID> persons, OffsetDateTime at) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                        SELECT DISTINCT cast(aggregate_identifier AS uuid) FROM (
                            SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS payload
                            FROM axon.domain_event_entry
                            WHERE payload_type = ANY (cast(? AS text[])) AND cast(time_stamp AS timestamptz) <= ?
                        ) event
                        WHERE payload ->> 'organizationId' = ?
                          AND (payload ->> 'personId' = ANY (cast(? AS text[]))
                               OR payload ->> 'entityType' = ? AND payload ->> 'entityId' = ANY (cast(? AS text[])))""",
                UUID.class, array(REFERRING_EVENTS), at, organizationId.toString(), array(persons),
                AddressOwnerType.PERSON.code(), array(persons)));
    }

    /**
     * Deletes the live rows the selected events build, and every row of the persons that are merged into the person
     * now, so that the queries see nothing but what the replay builds.
     */
    private void clearLiveRows(UUID organizationId, UUID personId, Set<UUID> cluster, Set<UUID> aggregates) {
        Set<UUID> persons = union(cluster, new LinkedHashSet<>(jdbc.queryForList(
                MergedPersons.CTE + "SELECT id FROM merged", UUID.class, personId, organizationId)));
        String org = organizationId.toString();
        String personIds = array(persons);
        Set<UUID> owned = union(aggregates, new LinkedHashSet<>(jdbc.queryForList("""
                        SELECT id FROM commerce.orders WHERE organization_id = cast(? AS uuid)
                          AND person_id = ANY (cast(? AS uuid[]))
                        UNION SELECT id FROM crm.deal WHERE organization_id = cast(? AS uuid)
                          AND person_id = ANY (cast(? AS uuid[]))""", UUID.class, org, personIds, org, personIds)));
        String ids = array(owned);
        String anyOf = " = ANY (cast(? AS uuid[]))";
        String scope = "WHERE organization_id = cast(? AS uuid) AND ";
        jdbc.update("DELETE FROM identity.lead_score_entry " + scope + "person_id" + anyOf, org, personIds);
        jdbc.update("DELETE FROM identity.person_order " + scope + "(person_id" + anyOf + " OR order_id"
                + anyOf + ")", org, personIds, ids);
        jdbc.update("DELETE FROM identity.person " + scope + "id" + anyOf, org, personIds);
        jdbc.update("DELETE FROM commerce.customer " + scope + "person_id" + anyOf, org, personIds);
        jdbc.update("DELETE FROM commerce.payment " + scope + "(person_id" + anyOf + " OR order_id" + anyOf
                + ")", org, personIds, ids);
        jdbc.update("DELETE FROM commerce.order_line " + scope + "order_id" + anyOf, org, ids);
        jdbc.update("DELETE FROM commerce.orders " + scope + "(person_id" + anyOf + " OR id" + anyOf + ")",
                org, personIds, ids);
        jdbc.update("DELETE FROM crm.order_total " + scope + "(person_id" + anyOf + " OR order_id" + anyOf
                + ")", org, personIds, ids);
        jdbc.update("DELETE FROM crm.contact " + scope + "person_id" + anyOf, org, personIds);
        jdbc.update("DELETE FROM crm.deal_stage_history " + scope + "deal_id" + anyOf, org, ids);
        jdbc.update("DELETE FROM crm.deal " + scope + "(person_id" + anyOf + " OR id" + anyOf + ")", org,
                personIds, ids);
        jdbc.update("DELETE FROM crm.activity " + scope + "(person_id" + anyOf + " OR id" + anyOf
                + " OR order_id" + anyOf + ")", org, personIds, ids, ids);
        jdbc.update("DELETE FROM shared.address " + scope + "(entity_type = ? AND entity_id" + anyOf + " OR id"
                + anyOf + ")", org, AddressOwnerType.PERSON.code(), personIds, ids);
    }

    private static Set<UUID> union(Set<UUID> first, Set<UUID> second) {
        Set<UUID> both = new LinkedHashSet<>(first);
        both.addAll(second);
        return both;
    }

    /** A PostgreSQL array literal of the values (UUIDs and class names need no quoting). */
    private static String array(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> names(Class<?>... types) {
        return java.util.Arrays.stream(types).map(Class::getName).toList();
    }
}
