package io.unifiedcrm.infrastructure.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SensitiveDataTest {

    @Test
    void apiKeysBearerTokensJwtsAndEmailAddressesAreMasked() {
        String line = "key ucrm_SMmF1s6gM5V0GuvLE9ndfpM_rqvRbZYu-c6lJChkKbA for Ada.Lovelace+crm@example.co.uk, "
                + "Authorization: Bearer abc.def-ghi, token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        String masked = SensitiveData.mask(line);
        assertThat(masked)
                .doesNotContain("SMmF1s6gM5V0GuvLE9ndfpM")
                .doesNotContain("Lovelace")
                .doesNotContain("abc.def-ghi")
                .doesNotContain("eyJzdWIiOiJ4In0")
                .contains("ucrm_***", "***@***", "Bearer ***");
    }

    @Test
    void eachKindIsMaskedOnItsOwn() {
        assertThat(SensitiveData.mask("key ucrm_SMmF1s6gM5V0GuvLE9ndfpM")).isEqualTo("key ucrm_***");
        assertThat(SensitiveData.mask("AUTHORIZATION: BEARER abc.def")).isEqualTo("AUTHORIZATION: BEARER ***");
        assertThat(SensitiveData.mask("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isEqualTo("token ***");
        assertThat(SensitiveData.mask("to ada@example.com")).isEqualTo("to ***@***");
    }

    /** Issue 17, finding 14: a long run of an address's characters without the rest took quadratic time. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // a safety net: before, these lines took minutes each
    void longRunsWithoutTheRestOfAPatternAreMaskedInLinearTime() {
        String run = "a".repeat(200_000);
        assertThat(SensitiveData.mask(run + "@")).isEqualTo(run + "@");
        assertThat(SensitiveData.mask("eyJ".repeat(70_000) + " @")).startsWith("eyJeyJ");
        assertThat(SensitiveData.mask(run + "@example.com " + run)).isEqualTo("***@*** " + run);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Processor [identity] claimed segment 0 at position 42 in 3 ms";
        assertThat(SensitiveData.mask(line)).isSameAs(line);
    }
}
