package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs after every other end-to-end test: the log of the whole suite holds none of the API keys, bearer tokens or
 * e-mail addresses the tests sent, and its request lines carry correlation ids.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest extends StandaloneTest {

    @Test
    void theSuitesLogHoldsNoApiKeyAndNoEmailAddress() {
        TestOrganization organization = api.createOrganization("Log Scan Ltd");
        api.createPerson(organization, "grace.hopper@logscan.example", "Grace", "Hopper");
        // what a careless log line would look like: it must come out masked
        LoggerFactory.getLogger(LogScanTest.class).warn("Rejected {} for {} with Authorization: Bearer {}",
                organization.apiKey(), "grace.hopper@logscan.example", organization.apiKey(),
                new IllegalStateException("duplicate key grace.hopper@logscan.example"));

        String log = SuiteLog.text();
        List<String> sensitive = List.copyOf(SuiteLog.SENSITIVE_VALUES);
        assertThat(sensitive).as("the suite sent keys and addresses").hasSizeGreaterThan(20);
        assertThat(log).contains("Rejected ucrm_*** for ***@***");
        for (String value : sensitive) {
            assertThat(log).as("log must not contain a sensitive value").doesNotContain(value);
        }
    }
}
