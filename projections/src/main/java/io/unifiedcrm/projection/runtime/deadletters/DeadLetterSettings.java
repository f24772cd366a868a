package io.unifiedcrm.projection.runtime.deadletters;

/**
 * How the dead-letter queues are configured ({@code unifiedcrm.dead-letters.*}).
 *
 * @param enabled         every pooled streaming processing group has a dead-letter queue (false: a failing handler
 *                        fails its batch, which the processor retries, as before the queues existed)
 * @param maxSequences    sequences one processing group may hold; a failure that would park another one fails the
 *                        batch instead (the segment stalls and the processor shows ERROR)
 * @param maxSequenceSize dead letters one sequence may hold, likewise
 */
public record DeadLetterSettings(boolean enabled, int maxSequences, int maxSequenceSize) {

    public DeadLetterSettings {
        if (maxSequences < 1 || maxSequenceSize < 1) {
            throw new IllegalArgumentException("unifiedcrm.dead-letters.max-sequences and max-sequence-size are at least 1");
        }
    }
}
