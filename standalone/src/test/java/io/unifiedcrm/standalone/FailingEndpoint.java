package io.unifiedcrm.standalone;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint (outside /api) that fails unexpectedly, to see what a client learns from a 500. */
@Hidden
@RestController
class FailingEndpoint {

    static final String SECRET_DETAIL = "connection to db-internal-7.example.local refused for ada@internal.example";

    @GetMapping("/test/unexpected-failure")
    String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
