package io.unifiedcrm.infrastructure.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the expiry of idempotency keys on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {
}
