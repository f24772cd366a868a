package io.unifiedcrm.infrastructure.axon;

import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The application's {@code @Aggregate} classes, found on the class path (before Spring has registered them). */
final class AggregateClasses {

    private static final String BASE_PACKAGE = "io.unifiedcrm";

    private AggregateClasses() {
    }

    static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        return scanner.findCandidateComponents(BASE_PACKAGE).stream()
                .<Class<?>>map(candidate -> load(candidate.getBeanClassName()))
                .toList();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, AggregateClasses.class.getClassLoader());
        } catch (ClassNotFoundException unexpected) {
            throw new IllegalStateException("An aggregate class that cannot be loaded: " + className, unexpected);
        }
    }
}
