package io.unifiedcrm.infrastructure.axon;

import java.lang.reflect.Executable;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The commands that always create a new aggregate (a {@code @CommandHandler} constructor, or a handler with
 * {@code @CreationPolicy(ALWAYS)}), found on the {@code @Aggregate} classes: such a command locks the aggregate it
 * creates, which has no owner to look up yet.
 */
final class CreatingCommands {

    private final Set<Class<?>> payloadTypes;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    private CreatingCommands(Set<Class<?>> payloadTypes) {
        this.payloadTypes = Set.copyOf(payloadTypes);
    }

    static CreatingCommands ofTheAggregates() {
        Set<Class<?>> payloadTypes = new HashSet<>();
        for (Class<?> aggregate : AggregateClasses.all()) {
            Stream.<Executable>concat(Stream.of(aggregate.getDeclaredConstructors()),
                            Stream.of(aggregate.getDeclaredMethods())
                                    .filter(method -> method.isAnnotationPresent(CreationPolicy.class)
                                            && method.getAnnotation(CreationPolicy.class).value()
                                            == AggregateCreationPolicy.ALWAYS))
                    .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                    .filter(handler -> handler.getParameterCount() > 0)
                    .forEach(handler -> payloadTypes.add(handler.getParameterTypes()[0]));
        }
        return new CreatingCommands(payloadTypes);
    }

    /** Whether the message is a command that creates the aggregate of this id. */
    boolean creates(Message<?> message, String aggregateIdentifier) {
        if (!(message instanceof CommandMessage<?> command) || !payloadTypes.contains(command.getPayloadType())) {
            return false;
        }
        try {
            return aggregateIdentifier.equals(targets.resolveTarget(command).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            return false;
        }
    }
}
