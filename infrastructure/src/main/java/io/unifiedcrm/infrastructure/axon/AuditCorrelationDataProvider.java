package io.unifiedcrm.infrastructure.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the audit metadata of the message being handled onto every message it produces (events applied by an
 * aggregate, commands sent by a saga), and records the handled message as their cause. Replaces Axon's default
 * {@code MessageOriginProvider}, whose "correlationId" is really the causing message's id.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        copy(metaData, AuditMetadata.ORGANIZATION_ID, data);
        copy(metaData, AuditMetadata.ACTOR, data);
        data.put(AuditMetadata.CORRELATION_ID,
                metaData.getOrDefault(AuditMetadata.CORRELATION_ID, message.getIdentifier()));
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(MetaData from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
