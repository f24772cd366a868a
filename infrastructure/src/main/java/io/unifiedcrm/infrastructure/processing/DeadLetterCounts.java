package io.unifiedcrm.infrastructure.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many dead letters each processing group of this application holds: for the projection status, the
 * {@code eventProcessors} health and the gauge {@code unifiedcrm_dead_letters{group="…"}}. One query for all groups,
 * kept for a second, so scrapes, health checks and status requests cost at most that once a second. It reads Axon's
 * dead-letter table whoever configured the queues (the projection runtime's {@code DeadLetterQueues}), so the health
 * of every application can count them, the command side's included (it has none).
 */
@Component("deadLetterCounts")
public class DeadLetterCounts {

    private record Snapshot(Instant takenAt, Map<String, Long> counts) {
    }

    private static final Duration KEPT_FOR = Duration.ofSeconds(1);

    private final EventProcessingConfiguration eventProcessing;
    private final JdbcTemplate jdbc;
    private final String table;
    private final String groupColumn;
    private final Clock clock = Clock.systemUTC();
    private Snapshot snapshot;

    public DeadLetterCounts(EventProcessingConfiguration eventProcessing, JdbcTemplate jdbc, DeadLetterSchema schema) {
        this.eventProcessing = eventProcessing;
        this.jdbc = jdbc;
        this.table = schema.deadLetterTable();
        this.groupColumn = schema.processingGroupColumn();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges(ApplicationReadyEvent ready) {
        MeterRegistry meters = ready.getApplicationContext().getBean(MeterRegistry.class);
        for (String group : groups()) {
            Gauge.builder("unifiedcrm.dead.letters", this, counts -> counts.deadLetterCount(group))
                    .tag("group", group)
                    .description("Dead letters of the processing group: events parked because a handler failed, "
                            + "and the later events of their sequences")
                    .register(meters);
        }
    }

    /** The processing groups of this application that have a dead-letter queue, by name. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        for (String processor : eventProcessing.eventProcessors().keySet()) {
            if (eventProcessing.sequencedDeadLetterProcessor(processor).isPresent()) {
                groups.add(processor);
            }
        }
        return groups;
    }

    /** Whether the group has a dead-letter queue in this application. */
    public boolean hasQueue(String group) {
        return eventProcessing.sequencedDeadLetterProcessor(group).isPresent();
    }

    /** The dead letters the processing group holds (0 for a group without any, or without a queue), as of at most a second ago. */
    public long deadLetterCount(String group) {
        return current().counts().getOrDefault(group, 0L);
    }

    /** Every group of this application with a dead-letter queue and its count, by name, as of at most a second ago. */
    public Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> current = current().counts();
        for (String group : groups()) {
            counts.put(group, current.getOrDefault(group, 0L));
        }
        return counts;
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.takenAt().plus(KEPT_FOR))) {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("SELECT " + groupColumn + ", count(*) FROM " + table + " GROUP BY " + groupColumn,
                    row -> {
                        counts.put(row.getString(1), row.getLong(2));
                    });
            snapshot = new Snapshot(now, Map.copyOf(counts));
        }
        return snapshot;
    }
}
