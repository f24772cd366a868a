package io.unifiedcrm.identity.person.command;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.unifiedcrm.identity.person.api.AbsorbPersonCommand;
import io.unifiedcrm.identity.person.api.MarkPersonMergedCommand;
import io.unifiedcrm.identity.person.api.MergePersonsCommand;
import io.unifiedcrm.identity.person.api.PersonMergeResult;
import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.identity.person.api.ReleaseMergedPersonCommand;
import io.unifiedcrm.identity.person.api.RestoreMergedPersonCommand;
import io.unifiedcrm.identity.person.api.UnmergePersonsCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Merge and unmerge change two Person aggregates. Both are loaded in the one unit of work of the command and each
 * handles its own half (a command of its own, so each half has its own rules and fixture tests): the events of
 * both are appended in one transaction, or none is.
 */
@Component
class PersonMergeCoordinator {

    private final Repository<Person> persons;

    PersonMergeCoordinator(Repository<Person> persons) {
        this.persons = persons;
    }

    @CommandHandler
    PersonMergeResult handle(MergePersonsCommand command) throws Exception {
        if (command.personId().equals(command.sourcePersonId())) {
            throw new DomainRuleViolation(ErrorCode.MERGE_WITH_ITSELF, "sourcePersonId",
                    "A person cannot be merged into itself.");
        }
        Aggregate<Person> survivor = persons.load(command.personId().toString(), command.expectedVersion());
        survivor.invoke(person -> person.profileForMerge(command.organizationId()));
        Aggregate<Person> source = loadSource(command.sourcePersonId());
        PersonProfile sourceProfile = profileOf(source, command.organizationId());
        PersonMergeResult result = (PersonMergeResult) survivor.handle(asCommandMessage(new AbsorbPersonCommand(
                command.personId(), command.organizationId(), command.sourcePersonId(), sourceProfile,
                command.dryRun())));
        if (!command.dryRun()) {
            source.handle(asCommandMessage(new MarkPersonMergedCommand(command.sourcePersonId(),
                    command.organizationId(), command.personId())));
        }
        return result;
    }

    /** @return the survivor's version after the unmerge */
    @CommandHandler
    long handle(UnmergePersonsCommand command) throws Exception {
        Aggregate<Person> survivor = persons.load(command.personId().toString(), command.expectedVersion());
        survivor.invoke(person -> person.profileForMerge(command.organizationId()));
        Aggregate<Person> source = loadSource(command.sourcePersonId());
        long version = (long) survivor.handle(asCommandMessage(new ReleaseMergedPersonCommand(command.personId(),
                command.organizationId(), command.sourcePersonId())));
        source.handle(asCommandMessage(new RestoreMergedPersonCommand(command.sourcePersonId(),
                command.organizationId(), command.personId())));
        return version;
    }

    /** The source is named in the body: unknown there is an invalid request, not a missing resource. */
    private Aggregate<Person> loadSource(UUID sourcePersonId) {
        try {
            return persons.load(sourcePersonId.toString());
        } catch (AggregateNotFoundException unknown) {
            throw unknownSource();
        }
    }

    private static PersonProfile profileOf(Aggregate<Person> source, UUID organizationId) {
        try {
            return source.invoke(person -> person.profileForMerge(organizationId));
        } catch (DomainRuleViolation violation) {
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknownSource() : violation;
        }
    }

    private static DomainRuleViolation unknownSource() {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "sourcePersonId",
                "No person with this id in this organization.");
    }
}
