package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document describes every endpoint the application serves — read from its handler mappings, so an
 * undocumented new endpoint fails this test — each with a summary, bearer security and example request bodies.
 */
class OpenApiCompletenessTest extends StandaloneTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsDocumentedWithSummarySecurityAndExamples() {
        JsonNode document = api.get("/v3/api-docs", null).body();
        assertThat(document.get("security").toString()).contains("bearer");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    String route = method + " " + pattern;
                    JsonNode operation = document.path("paths").path(pattern)
                            .path(method.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isMissingNode()).as(route + " is documented").isFalse();
                    assertThat(operation.path("summary").asText()).as(route + " has a summary").isNotBlank();
                    assertThat(operation.path("responses").has("401")).as(route + " documents 401").isTrue();
                    assertThat(operation.path("parameters").toString()).as(route + " documents its headers")
                            .contains("X-Correlation-Id");
                    if (method != RequestMethod.GET) {
                        assertThat(operation.path("parameters").toString()).as(route + " takes Idempotency-Key")
                                .contains("Idempotency-Key");
                    }
                    JsonNode requestBody = operation.path("requestBody");
                    if (!requestBody.isMissingNode()) {
                        assertExamples(document, route, requestBody);
                    }
                    checked.add(route);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(11);
    }

    private static void assertExamples(JsonNode document, String route, JsonNode requestBody) {
        JsonNode content = requestBody.path("content");
        assertThat(content.size()).as(route + " body media types").isPositive();
        String reference = content.elements().next().path("schema").path("$ref").asText();
        JsonNode schema = document.path("components").path("schemas")
                .path(reference.substring(reference.lastIndexOf('/') + 1));
        assertThat(schema.path("properties").size()).as(route + " body schema").isPositive();
        schema.path("properties").fields().forEachRemaining(property -> assertThat(property.getValue()
                .has("example")).as(route + " example for " + property.getKey()).isTrue());
    }
}
