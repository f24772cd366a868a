package io.unifiedcrm.infrastructure.idempotency;

import java.util.Map;

/** The answer given to the first request with an idempotency key, replayed to its retries. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {
}
