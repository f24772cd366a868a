package io.unifiedcrm.projection.runtime.deadletters;

import io.unifiedcrm.infrastructure.processing.DeadLetterCounts;
import io.unifiedcrm.infrastructure.processing.TokenClaims;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The dead letters of this application's processing groups: listed from their table, retried through Axon's
 * dead-lettering invoker of the group (the group's own handlers, in sequence order), evicted by deleting them. Each
 * application administers the groups whose processors it runs.
 */
@Service
public class DeadLetters implements DeadLetterAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** More sequences than one group may hold: a retry that still finds work after this many has new letters coming in. */
    private static final int MAX_SEQUENCES_PER_RETRY = 100_000;

    private final EventProcessingConfiguration eventProcessing;
    private final DeadLetterCounts counts;
    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;
    private final TokenClaims tokenClaims;
    private final String table;

    DeadLetters(EventProcessingConfiguration eventProcessing, DeadLetterCounts counts, NamedParameterJdbcTemplate jdbc,
                Serializer serializer, DeadLetterSchema schema, TokenClaims tokenClaims) {
        this.eventProcessing = eventProcessing;
        this.counts = counts;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokenClaims = tokenClaims;
        this.table = schema.deadLetterTable();
    }

    /** A page of the dead letters of one group (or of all), by group, sequence and place in the sequence. */
    public ItemList<DeadLetterView> list(String group, Integer limit, String cursor) {
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 3);
        Set<String> groups = group == null ? counts.groups() : Set.of(knownGroup(group));
        if (groups.isEmpty()) {
            return new ItemList<>(List.of(), null);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("groups", groups)
                .addValue("limit", pageSize + 1);
        String keyset = "";
        if (after != null) {
            keyset = " AND (processing_group, sequence_identifier, sequence_index) > (:group, :sequence, :index)";
            parameters.addValue("group", after.get(0)).addValue("sequence", after.get(1))
                    .addValue("index", indexOf(after.get(2)));
        }
        List<DeadLetterView> page = jdbc.query("""
                        SELECT dead_letter_identifier, processing_group, sequence_identifier, sequence_index,
                               event_identifier, payload_type, type, aggregate_identifier, sequence_number,
                               time_stamp, token_type, token, enqueued_at, last_touched, cause_type, cause_message,
                               diagnostics
                          FROM %s
                         WHERE processing_group IN (:groups)%s
                         ORDER BY processing_group, sequence_identifier, sequence_index
                         LIMIT :limit""".formatted(table, keyset), parameters, (row, i) -> viewOf(row));
        boolean hasMore = page.size() > pageSize;
        List<DeadLetterView> items = hasMore ? page.subList(0, pageSize) : page;
        DeadLetterView last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new ItemList<>(items, hasMore ? Paging.cursorAfter(List.of(last.group(), last.sequenceIdentifier(),
                Long.toString(last.sequenceIndex()))) : null);
    }

    /**
     * Handles the parked sequences of the group again — every one, or only {@code sequence} — each from its first
     * letter on, in order, in one transaction per sequence: a sequence whose letters all succeed leaves the queue and
     * its later events flow again; at the first failure the sequence stops there, the failing letter keeps its
     * place with the new cause, and the retry goes on with the next sequence.
     */
    public DeadLetterRetry retry(String group, String sequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = eventProcessing
                .sequencedDeadLetterProcessor(knownGroup(group)).orElseThrow(DomainRuleViolation::notFound);
        if (sequence != null && !sequenceExists(group, sequence)) {
            throw DomainRuleViolation.notFound();
        }
        Set<String> retried = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        for (int round = 0; round < MAX_SEQUENCES_PER_RETRY; round++) {
            AtomicReference<String> taken = new AtomicReference<>();
            boolean succeeded = processor.process(letter -> {
                String candidate = sequenceOf(letter);
                if (failed.contains(candidate) || sequence != null && !sequence.equals(candidate)) {
                    return false;
                }
                taken.set(candidate);
                return true;
            });
            if (taken.get() == null) {
                break;
            }
            if (succeeded) {
                retried.add(taken.get());
            } else {
                failed.add(taken.get());
                retried.remove(taken.get());
            }
        }
        LOG.info("Retried the dead letters of {}: {} sequences handled, {} failed again", group, retried.size(),
                failed.size());
        return new DeadLetterRetry(group, List.copyOf(retried), List.copyOf(failed), countOf(group));
    }

    /** Removes one letter: its event is never handled by the group (but for a replay). */
    public void evictLetter(String group, String letterId) {
        int deleted = jdbc.update("DELETE FROM " + table
                        + " WHERE processing_group = :group AND dead_letter_identifier = :id",
                new MapSqlParameterSource("group", knownGroup(group)).addValue("id", letterId));
        if (deleted == 0) {
            throw DomainRuleViolation.notFound();
        }
        LOG.warn("Evicted dead letter {} of {}: its event is not handled", letterId, group);
    }

    /** Removes every letter of a sequence: their events are never handled by the group, and the sequence flows again. */
    public int evictSequence(String group, String sequence) {
        int deleted = jdbc.update("DELETE FROM " + table
                        + " WHERE processing_group = :group AND sequence_identifier = :sequence",
                new MapSqlParameterSource("group", knownGroup(group)).addValue("sequence", sequence));
        if (deleted == 0) {
            throw DomainRuleViolation.notFound();
        }
        LOG.warn("Evicted sequence {} of {}: its {} events are not handled", sequence, group, deleted);
        return deleted;
    }

    private String knownGroup(String group) {
        if (!counts.hasQueue(group)) {
            throw DomainRuleViolation.notFound();
        }
        return group;
    }

    private boolean sequenceExists(String group, String sequence) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table
                        + " WHERE processing_group = :group AND sequence_identifier = :sequence)",
                new MapSqlParameterSource("group", group).addValue("sequence", sequence), Boolean.class));
    }

    private long countOf(String group) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE processing_group = :group",
                new MapSqlParameterSource("group", group), Long.class);
        return count == null ? 0 : count;
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : null;
    }

    private static long indexOf(String sortKeyPart) {
        try {
            return Long.parseLong(sortKeyPart);
        } catch (NumberFormatException notAnIndex) {
            throw new BadRequest("invalid_cursor", "cursor", "The cursor is not one this API handed out.");
        }
    }

    private DeadLetterView viewOf(ResultSet row) throws SQLException {
        long aggregateSequenceNumber = row.getLong("sequence_number");
        boolean hasAggregateSequenceNumber = !row.wasNull();
        String causeType = row.getString("cause_type");
        return new DeadLetterView(
                row.getString("dead_letter_identifier"),
                row.getString("processing_group"),
                row.getString("sequence_identifier"),
                row.getLong("sequence_index"),
                row.getString("event_identifier"),
                row.getString("payload_type"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                hasAggregateSequenceNumber ? aggregateSequenceNumber : null,
                tokenClaims.positionOf(row.getBytes("token"), row.getString("token_type")),
                instantOf(row.getString("time_stamp")),
                instantOf(row.getString("enqueued_at")),
                instantOf(row.getString("last_touched")),
                causeType == null ? null : new DeadLetterView.Cause(causeType, row.getString("cause_message")),
                diagnosticsOf(row.getBytes("diagnostics")));
    }

    private Map<String, Object> diagnosticsOf(byte[] diagnostics) {
        if (diagnostics == null) {
            return Map.of();
        }
        try {
            MetaData metaData = serializer.deserialize(
                    new SimpleSerializedObject<>(diagnostics, byte[].class, MetaData.class.getName(), null));
            return metaData == null ? Map.of() : new TreeMap<>(metaData);
        } catch (SerializationException | ClassCastException unreadable) {
            return Map.of();
        }
    }

    private static Instant instantOf(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
