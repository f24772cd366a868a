package io.unifiedcrm.infrastructure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem status an operation answers beyond those every operation of its kind declares
 * ({@link OpenApiConfiguration}): the document lists it with the problem schema, so a generated client expects it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status, e.g. {@code "422"}. */
    String status();

    String description();

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface List {
        ProblemResponse[] value();
    }
}
