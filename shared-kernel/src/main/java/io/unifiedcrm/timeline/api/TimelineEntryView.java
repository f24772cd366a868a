package io.unifiedcrm.timeline.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a person: one event of any domain. {@code id} is the event's identifier,
 * {@code occurredAt} its timestamp, {@code personId} the person it concerns (the one asked for or a person merged
 * into it), {@code aggregateId} the person, order, deal, activity, record or address the event belongs to;
 * {@code type} is {@code <category>.<what happened>} (e.g. {@code order.payment_recorded}), {@code details} the
 * event's relevant fields (money as {@code {amount, currency}} with a decimal string). {@code actor} (e.g.
 * {@code apiKey:<id>}) and {@code correlationId} (the request's {@code X-Correlation-Id}) come from the event's
 * metadata.
 */
public record TimelineEntryView(String id, UUID personId, Instant occurredAt, String category, String type,
                                String summary, Map<String, Object> details, UUID aggregateId, String actor,
                                String correlationId) {
}
