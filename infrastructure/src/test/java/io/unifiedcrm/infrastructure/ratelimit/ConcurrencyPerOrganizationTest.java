package io.unifiedcrm.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConcurrencyPerOrganizationTest {

    private final ConcurrencyPerOrganization limit = new ConcurrencyPerOrganization("asOf reads", 2);
    private final UUID acme = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void anOrganizationPastItsLimitIsRefusedWhileAnotherIsNot() {
        ConcurrencyPerOrganization.Permit first = limit.acquire(acme);
        ConcurrencyPerOrganization.Permit second = limit.acquire(acme);

        assertThatThrownBy(() -> limit.acquire(acme))
                .isInstanceOf(ConcurrencyPerOrganization.Exceeded.class)
                .hasMessageContaining("At most 2 asOf reads");
        limit.acquire(other).close();
        first.close();
        second.close();
    }

    @Test
    void aPlaceGivenBackCanBeTakenAgain() {
        ConcurrencyPerOrganization.Permit first = limit.acquire(acme);
        limit.acquire(acme).close();
        ConcurrencyPerOrganization.Permit again = limit.acquire(acme);

        assertThatThrownBy(() -> limit.acquire(acme)).isInstanceOf(ConcurrencyPerOrganization.Exceeded.class);
        first.close();
        again.close();
        assertThat(limit.acquire(acme)).isNotNull();
    }
}
