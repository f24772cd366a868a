package io.unifiedcrm.infrastructure.processing;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Leaves processing groups out of the application, for benchmarking and diagnosis:
 * {@code unifiedcrm.projections.disabled} (env {@code UNIFIEDCRM_PROJECTIONS_DISABLED}) names them, comma-separated.
 * Their event handler beans are removed before Axon looks for message handlers, so those groups have no event
 * processor at all — no coordinator, work packages, token claims, fetching, dead-letter queue or status — and their
 * read models are not maintained (queries over them answer what the tables held, usually nothing). The benchmark
 * harness uses it to measure what each projection costs.
 *
 * <p>Start-up fails for a name that is no processing group of this application, and for a group the command side
 * needs to be correct: a saga, or a group written with the event ({@link WrittenWithTheEvent}: e-mail claims,
 * credentials and the other set-based lookup tables).
 */
@Component
public class DisabledProcessingGroups implements BeanDefinitionRegistryPostProcessor, EnvironmentAware,
        ConfigurerModule {

    public static final String PROPERTY = "unifiedcrm.projections.disabled";
    private static final Logger LOG = LoggerFactory.getLogger(DisabledProcessingGroups.class);

    private Set<String> disabled = Set.of();
    private ListableBeanFactory beans;

    @Override
    public void setEnvironment(Environment environment) {
        disabled = parse(environment.getProperty(PROPERTY, ""));
    }

    static Set<String> parse(String names) {
        Set<String> groups = new LinkedHashSet<>();
        Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty()).forEach(groups::add);
        return Set.copyOf(groups);
    }

    /** Removes the handler beans of the disabled groups; refuses unknown groups and sagas. */
    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (disabled.isEmpty()) {
            return;
        }
        if (!(registry instanceof ListableBeanFactory listable)) {
            throw new IllegalStateException(PROPERTY + " needs a listable bean factory");
        }
        beans = listable;
        Map<String, Set<String>> handlerBeansByGroup = new TreeMap<>();
        Set<String> sagaGroups = new TreeSet<>();
        for (String bean : registry.getBeanDefinitionNames()) {
            if (registry.getBeanDefinition(bean).isAbstract()) {
                continue;
            }
            ProcessingGroup group = listable.findAnnotationOnBean(bean, ProcessingGroup.class, false);
            if (group == null) {
                continue;
            }
            handlerBeansByGroup.computeIfAbsent(group.value(), name -> new TreeSet<>()).add(bean);
            if (listable.findAnnotationOnBean(bean, Saga.class, false) != null) {
                sagaGroups.add(group.value());
            }
        }
        for (String group : new TreeSet<>(disabled)) {
            if (!handlerBeansByGroup.containsKey(group)) {
                throw new IllegalStateException(PROPERTY + " names '" + group + "', which is no processing group of "
                        + "this application; its processing groups are " + handlerBeansByGroup.keySet());
            }
            if (sagaGroups.contains(group)) {
                throw new IllegalStateException(PROPERTY + " names '" + group + "', a saga the commands rely on; "
                        + "it cannot be left out");
            }
            handlerBeansByGroup.get(group).forEach(registry::removeBeanDefinition);
        }
        LOG.warn("Processing groups left out ({}={}): no event processor runs for them and their read models are "
                + "not maintained. For benchmarking and diagnosis only.", PROPERTY, new TreeSet<>(disabled));
    }

    /** Refuses groups written with the event: without their handlers commands would succeed unchecked. */
    @Override
    public void configureModule(Configurer configurer) {
        if (disabled.isEmpty()) {
            return;
        }
        beans.getBeansOfType(ConfigurerModule.class).values().stream()
                .filter(WrittenWithTheEvent.Group.class::isInstance)
                .map(module -> ((WrittenWithTheEvent.Group) module).name())
                .filter(disabled::contains)
                .findFirst()
                .ifPresent(group -> {
                    throw new IllegalStateException(PROPERTY + " names '" + group + "', which the command side "
                            + "writes in the command's own transaction; it cannot be left out");
                });
    }
}
