package io.unifiedcrm.projection.runtime.deadletters;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * A dead-letter queue whose sequences are named by the sequence identifier's text: Axon's JDBC queue stores any
 * identifier that is not a String as its hash code, so an organization or owner (a UUID, from
 * {@code PerOrganizationSequencing} and the addresses' policy) would be a number an operator cannot read, and two
 * organizations whose UUIDs share a hash code would park each other. The identifiers the processors use to pick
 * segments are left as they are (changing them would move sequences between segments).
 */
final class StringSequenceIdentifiers<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final SequencedDeadLetterQueue<M> queue;

    StringSequenceIdentifiers(SequencedDeadLetterQueue<M> queue) {
        this.queue = queue;
    }

    static String text(Object sequenceIdentifier) {
        return String.valueOf(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter) {
        queue.enqueue(text(sequenceIdentifier), letter);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends M>> letterBuilder) {
        return queue.enqueueIfPresent(text(sequenceIdentifier), letterBuilder);
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(text(sequenceIdentifier));
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(text(sequenceIdentifier));
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(text(sequenceIdentifier));
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(text(sequenceIdentifier));
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends M>> sequenceFilter,
                           Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return queue.process(processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
