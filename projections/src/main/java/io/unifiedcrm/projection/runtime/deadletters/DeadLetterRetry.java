package io.unifiedcrm.projection.runtime.deadletters;

import java.util.List;

/**
 * The outcome of a retry.
 *
 * @param group              the processing group
 * @param retried            sequences whose letters were all handled and removed
 * @param failed             sequences that failed again (their letters stay, the failing one with its new cause and
 *                           attempt count) or were being retried elsewhere
 * @param remainingLetters   the group's dead letters after the retry
 */
public record DeadLetterRetry(String group, List<String> retried, List<String> failed, long remainingLetters) {
}
