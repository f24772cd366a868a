package io.unifiedcrm.infrastructure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a single-resource GET whose resource is one aggregate: with {@code X-Min-Version: n} (the version a command
 * answered, as {@code 3} or as the ETag {@code "3"}) the request waits until the read model shows version n or later,
 * then answers as usual. The version the handler's answer shows is its {@code ETag}, else its body's {@code version}
 * (a record component); an answer with neither (a resource without a version of its own) counts as current once it
 * exists. A not-found answer is waited out too: that is the read right after a create. The wait is bounded
 * ({@code unifiedcrm.read-your-writes.timeout}); then the current state is answered with
 * {@value #STALE_HEADER}{@code : true}, or the 404. A malformed header is a 400.
 * <p>
 * The controller method itself is not changed: {@link ReadYourWritesConfiguration} re-runs it, woken when this JVM's
 * projections commit, so its body may change freely as long as it keeps answering the version.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadYourWrites {

    /** The request header naming the version to wait for. */
    String HEADER = "X-Min-Version";

    /** The answer header saying the read model had not reached that version within the bound. */
    String STALE_HEADER = "X-Read-Model-Stale";
}
