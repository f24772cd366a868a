package io.unifiedcrm.infrastructure.axon;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts the transactions in which this JVM's event processors committed handled events, and lets a reader wait for
 * the next one: after such a commit a read model may show what it did not show before. Registered as a handler
 * interceptor on every event processor; it hooks the batch's unit of work once, so a batch of 500 events is one
 * signal, given only after the read model rows and the token are committed.
 */
public final class ReadModelCommits implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String HOOKED = ReadModelCommits.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch.resources().putIfAbsent(HOOKED, Boolean.TRUE) == null) {
            batch.afterCommit(done -> committed());
        }
        return interceptorChain.proceed();
    }

    /** The number of commits so far: read it before looking at a read model, then wait for a later one. */
    public long count() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a commit after the {@code seen} {@linkplain #count() count}, but not beyond {@code deadlineNanos}
     * ({@link System#nanoTime()}). @return whether there was one
     */
    public boolean awaitCommitAfter(long seen, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (commits == seen) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                committed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void committed() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
