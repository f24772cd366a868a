package io.unifiedcrm.infrastructure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The counters of Axon's {@code MessageCountingMonitor} — {@code <prefix>.ingestedCounter}, {@code .successCounter},
 * {@code .failureCounter}, {@code .processedCounter}, {@code .ignoredCounter}, without tags — registered once. Axon's
 * monitor looks all five up in the meter registry for every message, since its tags may depend on the message.
 */
public final class MessageCounters implements MessageMonitor<Message<?>> {

    private final Counter ingested;
    private final MonitorCallback outcome;

    public MessageCounters(String prefix, MeterRegistry meters) {
        this.ingested = meters.counter(prefix + ".ingestedCounter");
        Counter success = meters.counter(prefix + ".successCounter");
        Counter failure = meters.counter(prefix + ".failureCounter");
        Counter processed = meters.counter(prefix + ".processedCounter");
        Counter ignored = meters.counter(prefix + ".ignoredCounter");
        this.outcome = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                processed.increment();
                success.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                processed.increment();
                failure.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        return outcome;
    }
}
