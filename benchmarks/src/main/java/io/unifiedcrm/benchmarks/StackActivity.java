package io.unifiedcrm.benchmarks;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a sampled thread was doing, from its stack (frames as {@code class#method}, innermost first) and its name.
 * First the operations that wrap nothing else, found anywhere on the stack: token store, dead-letter queue, event
 * append, event fetching. Otherwise the innermost frame of a known layer decides (deserialization, savepoints,
 * projection handlers, transaction begin/commit, command-side registries, command handling, Axon's own processing
 * code, HTTP security, the rest of HTTP), walking outwards over frames of no layer (the JDK, JDBC, Jackson,
 * Hibernate, Spring's JDBC and proxies); a stack without any is its thread's: HTTP, the processors' own code, other.
 */
final class StackActivity {

    static final String TOKENS = "bookkeeping: token store (claims, token updates)";
    static final String DEAD_LETTERS = "bookkeeping: dead letters and savepoints";
    static final String APPEND = "event append (serialization, insert)";
    static final String FETCH = "event fetching and deserialization";
    static final String HANDLERS = "projection handlers (their JDBC included)";
    static final String TRANSACTIONS = "transaction begin / commit";
    static final String REGISTRIES = "command side: registries written with the event (e-mail claim)";
    static final String COMMANDS = "Axon command handling (gateway, aggregate, unit of work, event bus)";
    static final String SECURITY = "HTTP: security (credential lookup)";
    static final String HTTP = "HTTP: Tomcat, Spring MVC, JSON, filters";
    static final String PROCESSOR_FRAMEWORK = "bookkeeping: processor framework (coordinator, work packages, "
            + "handler invocation)";
    static final String OTHER = "other";

    private record Rule(String activity, Predicate<String> frame) {
    }

    /** Operations that wrap no other activity: anywhere on the stack. */
    private static final List<Rule> OPERATIONS = List.of(
            new Rule(TOKENS, frame -> frame.startsWith("org.axonframework.eventhandling.tokenstore")),
            new Rule(DEAD_LETTERS, frame -> frame.startsWith("org.axonframework.eventhandling.deadletter.jdbc")),
            new Rule(APPEND, frame -> frame.startsWith("org.axonframework.eventsourcing.eventstore")
                    && frame.contains("appendEvents")),
            new Rule(FETCH, frame -> frame.contains("fetchTrackedEvents") || frame.contains("readEventData")
                    || frame.contains("EventStreamSpliterator")
                    || frame.startsWith("io.unifiedcrm.infrastructure.axon.CommitNotifyingEventSource")));

    /** Layers, innermost first; the thread decides where Axon's generic messaging code belongs. */
    private static String layer(String thread, String frame) {
        if (frame.startsWith("io.unifiedcrm.infrastructure.deadletters") || frame.contains("SavepointParticipant")) {
            return DEAD_LETTERS;
        }
        if (frame.startsWith("org.axonframework.serialization") && (frame.contains("deserialize")
                || frame.contains("LazyDeserializing") || frame.contains("upcast")
                || frame.contains("Upcaster"))) {
            return FETCH;
        }
        if (frame.startsWith("io.unifiedcrm.") && frame.contains(".projection.")) {
            return HANDLERS;
        }
        if (frame.startsWith("org.springframework.transaction.support.AbstractPlatformTransactionManager")
                || frame.startsWith("org.springframework.jdbc.datasource.DataSourceTransactionManager")
                || frame.startsWith("org.springframework.orm.jpa.JpaTransactionManager")
                || frame.startsWith("org.axonframework.spring.messaging.unitofwork.SpringTransactionManager")) {
            return TRANSACTIONS;
        }
        if (frame.startsWith("io.unifiedcrm.") && frame.contains(".command.")) {
            String type = frame.substring(0, frame.indexOf('#'));
            return type.endsWith("Controller") ? HTTP : type.contains("Registry") ? REGISTRIES : COMMANDS;
        }
        if (frame.startsWith("org.axonframework.commandhandling") || frame.startsWith("org.axonframework.modelling")
                || frame.startsWith("org.axonframework.eventsourcing")) {
            return COMMANDS;
        }
        if (frame.startsWith("org.axonframework.")) {
            return isProcessor(thread) ? PROCESSOR_FRAMEWORK : thread.startsWith("http-nio-") ? COMMANDS : null;
        }
        if (frame.startsWith("org.springframework.security") || frame.startsWith("io.unifiedcrm.infrastructure.security")) {
            return SECURITY;
        }
        if (frame.startsWith("org.springframework.web") || frame.startsWith("org.springframework.http")
                || frame.startsWith("org.apache.catalina") || frame.startsWith("org.apache.coyote")
                || frame.startsWith("org.apache.tomcat") || frame.startsWith("jakarta.servlet")
                || frame.startsWith("io.unifiedcrm.infrastructure.web")
                || frame.startsWith("io.unifiedcrm.infrastructure.idempotency")
                || frame.startsWith("io.unifiedcrm.infrastructure.ratelimit")) {
            return HTTP;
        }
        return null;
    }

    private StackActivity() {
    }

    static String of(String thread, List<String> frames) {
        for (Rule operation : OPERATIONS) {
            if (frames.stream().anyMatch(operation.frame())) {
                return operation.activity();
            }
        }
        for (String frame : frames) {
            String activity = layer(thread, frame);
            if (activity != null) {
                return activity;
            }
        }
        if (thread.startsWith("http-nio-")) {
            return HTTP;
        }
        return isProcessor(thread) ? PROCESSOR_FRAMEWORK : OTHER;
    }

    private static boolean isProcessor(String thread) {
        return thread.startsWith("Coordinator[") || thread.startsWith("WorkPackage[")
                || thread.equals("event-availability");
    }
}
