package io.unifiedcrm.infrastructure.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ApiKeyIssuedEvent} revision 1 → 2. Until revision 2 a read-write key could manage the organization's API
 * keys; now only an admin key can. The key issued with the organization (the organization's second event, after its
 * creation) keeps managing keys: revision 1's {@code READ_WRITE} becomes {@code ADMIN} there, and stays
 * {@code READ_WRITE} for keys issued later. Migration {@code V2_9} does the same to the stored credentials.
 */
public final class FirstApiKeyIsAdmin extends SingleEventUpcaster {

    private static final String TYPE = ApiKeyIssuedEvent.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");
    /** The sequence number of the key issued in the same command that created the organization. */
    private static final long ISSUED_WITH_THE_ORGANIZATION = 1;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        boolean first = event.getSequenceNumber().map(number -> number == ISSUED_WITH_THE_ORGANIZATION)
                .orElse(false);
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (first && payload instanceof ObjectNode key && "READ_WRITE".equals(key.path("access").asText())) {
                key.put("access", "ADMIN");
            }
            return payload;
        });
    }
}
