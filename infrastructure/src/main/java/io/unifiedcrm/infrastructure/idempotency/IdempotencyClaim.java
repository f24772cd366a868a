package io.unifiedcrm.infrastructure.idempotency;

/** What {@link IdempotencyKeys#find} found for a key. */
sealed interface IdempotencyClaim {

    /** The key is new: run the request and keep its answer. */
    record Unanswered() implements IdempotencyClaim {
    }

    /** The request with this key has been answered: replay the answer. */
    record Answered(StoredResponse response) implements IdempotencyClaim {
    }

    /** The key was used for a different request. */
    record ReusedForAnotherRequest() implements IdempotencyClaim {
    }
}
