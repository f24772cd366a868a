package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17's standing bad-input suite: every operation of the OpenAPI document that takes a request body gets a
 * corpus of bodies that are bad whatever the operation expects. Every answer is a 4xx {@code application/problem+json}
 * with a code (never a 5xx), and nothing is written: no event for the organization. The operations come from
 * {@code /v3/api-docs}, so an endpoint added later is in the suite without a change here. (BadInputTest checks the
 * exact status and code of a larger corpus on a few endpoints.)
 */
class EveryEndpointRefusesBadInputTest extends StandaloneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    private int port;

    @Test
    void everyOperationWithABodyAnswersTheCorpusWithA4xxProblemAndWritesNothing() throws Exception {
        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (var path : iterable(paths.fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                if (!operation.getValue().has("requestBody")) {
                    continue;
                }
                operations++;
                // an organization of its own per operation: its events are counted, and its rate limit is its own
                TestOrganization organization = api.createOrganization("Corpus " + operations);
                String credential = path.getKey().startsWith("/api/v1/admin") || path.getKey().equals(
                        "/api/v1/organizations") ? api.adminKey() : organization.apiKey();
                String target = withVariables(path.getKey(), organization.id());
                String method = operation.getKey().toUpperCase();
                long eventsBefore = eventsOf(organization.id());
                for (Map.Entry<String, String> bad : corpus().entrySet()) {
                    requests++;
                    HttpResponse<String> response = send(method, target, credential, bad.getValue(),
                            bad.getKey().equals("wrong content type"));
                    String what = method + " " + path.getKey() + " / " + bad.getKey() + " -> "
                            + response.statusCode() + " " + abbreviated(response.body());
                    if (response.statusCode() < 400 || response.statusCode() > 499
                            || !response.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/problem+json")
                            || JSON.readTree(response.body()).path("code").asText().isEmpty()) {
                        failures.add(what);
                    }
                }
                long written = eventsOf(organization.id()) - eventsBefore;
                if (written != 0) {
                    failures.add(method + " " + path.getKey() + ": " + written + " events written");
                }
            }
        }
        System.out.printf("bad-input corpus: %d requests to %d operations, %d answered otherwise than a 4xx problem "
                + "or wrote events%n", requests, operations, failures.size());
        assertThat(operations).as("operations with a request body in the document").isGreaterThanOrEqualTo(30);
        assertThat(failures).as("of %d requests to %d operations", requests, operations).isEmpty();
    }

    /** Bodies that no operation accepts: bad before any field of the operation is looked at. */
    private static Map<String, String> corpus() {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("malformed JSON", "{\"name\": \"a\", ");
        corpus.put("10,000 levels of nesting", "[".repeat(10_000) + "]".repeat(10_000));
        corpus.put("2 MiB body", "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        corpus.put("wrong content type", "name=Ada");
        corpus.put("NUL in a member name", "{\"na\\u0000me\": \"Ada\"}");
        corpus.put("NUL in a value", "{\"name\": \"Ada\\u0000\"}");
        corpus.put("huge number", "{\"amount\": 1" + "0".repeat(5000) + "}");
        corpus.put("empty body", "");
        corpus.put("duplicate member", "{\"name\": \"Ada\", \"name\": \"Eve\"}");
        corpus.put("trailing garbage", "{\"name\": \"Ada\"} trailing");
        corpus.put("lone surrogate and unknown member", "{\"\\ud800unknown\": \"\\udfff\"}");
        return corpus;
    }

    /** The path with its variables filled: ids that exist nowhere, names that are no object type. */
    private static String withVariables(String path, UUID organization) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.equals("organizationId") ? organization.toString()
                    : name.toLowerCase().endsWith("id") ? UUID.randomUUID().toString() : "nosuchname";
            variable.appendReplacement(filled, value);
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private HttpResponse<String> send(String method, String path, String credential, String body,
                                      boolean plainText) throws Exception {
        String contentType = plainText ? "text/plain"
                : method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long eventsOf(UUID organization) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry "
                + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'organizationId' = ?", Long.class,
                organization.toString());
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
