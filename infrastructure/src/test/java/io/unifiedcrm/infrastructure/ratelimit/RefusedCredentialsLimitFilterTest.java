package io.unifiedcrm.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 17, finding 13: requests without a valid credential are limited per client address. */
class RefusedCredentialsLimitFilterTest {

    private final RefusedCredentialsLimitFilter filter = new RefusedCredentialsLimitFilter(true, 3, 1,
            new ProblemResponseWriter(new ObjectMapper()));
    private final AtomicInteger authenticated = new AtomicInteger();

    @Test
    void anAddressPastItsRefusalsIsAnsweredWithoutAuthenticationWhileOthersAreNot() throws Exception {
        for (int refused = 0; refused < 3; refused++) {
            assertThat(send("203.0.113.7", 401).getStatus()).isEqualTo(401);
        }
        int authenticationsBefore = authenticated.get();

        MockHttpServletResponse limited = send("203.0.113.7", 401);

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("too_many_refused_credentials");
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(authenticated.get()).as("the limited request never reached authentication")
                .isEqualTo(authenticationsBefore);
        assertThat(send("198.51.100.1", 401).getStatus()).as("another address").isEqualTo(401);
    }

    @Test
    void answeredRequestsTakeNothingFromTheBucket() throws Exception {
        for (int request = 0; request < 10; request++) {
            assertThat(send("203.0.113.8", 200).getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse send(String address, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/persons");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain authentication = (req, res) -> {
            authenticated.incrementAndGet();
            ((MockHttpServletResponse) res).setStatus(status);
        };
        filter.doFilter(request, response, authentication);
        return response;
    }
}
