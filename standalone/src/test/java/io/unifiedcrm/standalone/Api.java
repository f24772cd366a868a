package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for end-to-end tests: real requests to the running application. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String adminKey;
    private final boolean logScanned;

    public Api(int port, String adminKey) {
        this(port, adminKey, true);
    }

    private Api(int port, String adminKey, boolean logScanned) {
        this.baseUrl = "http://localhost:" + port;
        this.adminKey = adminKey;
        this.logScanned = logScanned;
    }

    /** For an application in another process ({@link ChildJvm}): its log is not this JVM's, which LogScanTest scans. */
    static Api ofChildProcess(int port, String adminKey) {
        return new Api(port, adminKey, false);
    }

    public Response get(String path, String credential) {
        return send("GET", path, credential, null, null);
    }

    public Response post(String path, String credential, Object body) {
        return send("POST", path, credential, "application/json", body);
    }

    public Response patch(String path, String credential, Object body) {
        return send("PATCH", path, credential, "application/merge-patch+json", body);
    }

    public Response send(String method, String path, String credential, String contentType, Object body) {
        return send(method, path, credential, contentType, body, Map.of());
    }

    /** A request with further headers, e.g. {@code If-Match}. */
    public Response send(String method, String path, String credential, String contentType, Object body,
                         Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(
                                    body instanceof String text ? text : JSON.writeValueAsString(body)));
            if (credential != null) {
                request.header("Authorization", "Bearer " + credential);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (logScanned) {
                rememberSensitiveValues(credential, body, response.body());
            }
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = isJson && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Credentials, e-mail addresses and issued keys must never be logged: LogScanTest looks for them. */
    private static void rememberSensitiveValues(String credential, Object requestBody, String responseBody) {
        SuiteLog.sensitive(credential);
        if (requestBody instanceof Map<?, ?> map) {
            map.values().stream().map(String::valueOf).filter(value -> value.contains("@")).forEach(SuiteLog::sensitive);
        }
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("\"apiKey\":\"([^\"]+)\"").matcher(responseBody);
        while (keys.find()) {
            SuiteLog.sensitive(keys.group(1));
        }
    }

    public String adminKey() {
        return adminKey;
    }

    /** Creates an organization with the admin key and answers its id and API key. */
    public TestOrganization createOrganization(String name) {
        Response created = post("/api/v1/organizations", adminKey,
                Map.of("name", name, "baseCurrency", "EUR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TestOrganization(UUID.fromString(created.body().get("id").asText()),
                created.body().get("apiKey").asText());
    }

    /** Creates a person in the organization and answers the person's id. */
    public UUID createPerson(TestOrganization organization, String email, String firstName, String lastName) {
        Response created = post("/api/v1/persons", organization.apiKey(),
                Map.of("email", email, "firstName", firstName, "lastName", lastName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    public record TestOrganization(UUID id, String apiKey) {
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.uri().getPath() + " -> " + status + " " + raw.body();
        }
    }
}
