package io.unifiedcrm.standalone;

import io.unifiedcrm.StandaloneApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the standalone application on a real embedded PostgreSQL, over real HTTP. Every
 * test class shares this one application context (same configuration, so Spring caches it); tests isolate their
 * data by creating their own organizations.
 */
@AutoConfigureObservability // Spring Boot tests leave metrics export off by default; we test /actuator/prometheus
@Import({SqlStatementCounter.Installation.class, QueryIsolationProbe.class})
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "unifiedcrm.admin.key=" + StandaloneTest.ADMIN_KEY,
                "unifiedcrm.jwt.hmac-secret=" + StandaloneTest.JWT_SECRET,
                "unifiedcrm.jwt.issuer=" + StandaloneTest.JWT_ISSUER,
                "unifiedcrm.jwt.audience=" + StandaloneTest.JWT_AUDIENCE,
                // tests create organizations as they go: the test key source may speak for any (JwtCredentialsTest
                // checks the binding to listed organizations)
                "unifiedcrm.jwt.organizations=*",
                // a small bucket, so that RateLimitTest's flood is refused however fast the machine is
                "unifiedcrm.rate-limit.capacity=100",
                "unifiedcrm.rate-limit.refill-per-second=20",
                // the suite sends thousands of bad credentials from one address on purpose; the bound itself is
                // RefusedCredentialsLimitFilterTest's
                "unifiedcrm.rate-limit.refused-credentials.capacity=1000000",
                "unifiedcrm.rate-limit.refused-credentials.refill-per-second=1000000",
                // a bound AsOfReadsTouchNoLiveRowsTest can pass with a hundred changes
                "unifiedcrm.as-of.max-events=100",
                // throw-away test data: no need to wait for the disk
                "unifiedcrm.embedded-postgres.fsync=off"})
public abstract class StandaloneTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    static final String JWT_SECRET = "test-jwt-hmac-secret-of-at-least-32-bytes!";
    static final String JWT_ISSUER = "https://auth.unifiedcrm.test";
    static final String JWT_AUDIENCE = "unified-crm";
    private static final Path DATA_DIR = newDataDirectory("shared-context");

    @LocalServerPort
    private int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("unifiedcrm.data.dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        SuiteLog.attach();
        api = new Api(port, ADMIN_KEY);
    }

    /** How many PersonCreatedEvents the event store holds for the organization. */
    protected long personsCreatedIn(java.util.UUID organizationId) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM axon.domain_event_entry
                        WHERE payload_type LIKE '%PersonCreatedEvent'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?""",
                Long.class, organizationId.toString());
    }

    /** A fresh directory under {@code target/test-data}. */
    static Path newDataDirectory(String name) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(parent, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
