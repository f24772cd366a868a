package io.unifiedcrm.standalone;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The payload types a processing group's event handlers take, found on the class path as Axon would find them. */
final class HandledTypes {

    private HandledTypes() {
    }

    static Set<Class<?>> of(String group) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<Class<?>> types = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.unifiedcrm")) {
            Class<?> handler = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ProcessingGroup processingGroup = AnnotatedElementUtils.findMergedAnnotation(handler,
                    ProcessingGroup.class);
            if (processingGroup == null || !processingGroup.value().equals(group)) {
                continue;
            }
            for (Method method : handler.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, EventHandler.class) && method.getParameterCount() > 0) {
                    types.add(method.getParameterTypes()[0]);
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("No event handler of processing group " + group);
        }
        return types;
    }
}
