package io.unifiedcrm.infrastructure.axon;

/**
 * Keys of the metadata every command and event carries, which makes the event store the audit log.
 */
public final class AuditMetadata {

    /** The organization (tenant) on whose behalf the message was sent. */
    public static final String ORGANIZATION_ID = "organizationId";
    /** Who caused it: {@code apiKey:<id>}, {@code admin} or {@code system}. */
    public static final String ACTOR = "actor";
    /** The id of the client request (X-Correlation-Id) that started the chain of messages. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message whose handling produced this one. */
    public static final String CAUSATION_ID = "causationId";

    private AuditMetadata() {
    }
}
