package io.unifiedcrm.infrastructure.idempotency;

/** What {@link IdempotencyKeys#claim} found for a key. */
sealed interface IdempotencyClaim {

    /** The key is new (or its earlier request was abandoned): run the request and record its answer. */
    record Claimed() implements IdempotencyClaim {
    }

    /** The request with this key has been answered: replay the answer. */
    record Answered(StoredResponse response) implements IdempotencyClaim {
    }

    /** A request with this key is being processed right now. */
    record InFlight() implements IdempotencyClaim {
    }

    /** The key was used for a different request. */
    record ReusedForAnotherRequest() implements IdempotencyClaim {
    }
}
