package io.unifiedcrm.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class FirstApiKeyIsAdminTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void theKeyIssuedWithTheOrganizationBecomesAnAdminKey() {
        IntermediateEventRepresentation first = upcast(1, "READ_WRITE");

        assertThat(first.getType().getRevision()).isEqualTo("2");
        assertThat(first.getData(JsonNode.class).getData().get("access").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aReadWriteKeyIssuedLaterStaysOneAndSoDoesAReadOnlyFirstKey() {
        assertThat(upcast(4, "READ_WRITE").getData(JsonNode.class).getData().get("access").asText())
                .isEqualTo("READ_WRITE");
        assertThat(upcast(1, "READ_ONLY").getData(JsonNode.class).getData().get("access").asText())
                .isEqualTo("READ_ONLY");
    }

    private IntermediateEventRepresentation upcast(long sequenceNumber, String access) {
        String payload = "{\"organizationId\":\"" + UUID.randomUUID() + "\",\"apiKeyId\":\"" + UUID.randomUUID()
                + "\",\"keyHash\":\"" + "a".repeat(64) + "\",\"access\":\"" + access + "\"}";
        var entry = new GenericDomainEventEntry<>("Organization", UUID.randomUUID().toString(), sequenceNumber,
                UUID.randomUUID().toString(), Instant.now(),
                "io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent", "1",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new FirstApiKeyIsAdmin().upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
    }
}
