package io.unifiedcrm.crm.deal.command;

import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.identity.person.command.Person;
import io.unifiedcrm.platform.record.command.RecordRegistry;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Who and what a deal names: its owner and primary person are persons of the organization, its company a live
 * {@code company} record. A person is looked up in the command side's e-mail lookup (written with the person's
 * creation); one not found there is loaded to tell a merged person — refused with 409 {@code person_merged} naming
 * the survivor, so the deal is given to the survivor by the client, not silently — from an unknown one (422).
 */
@Component
public class DealParties {

    static final String COMPANY_TYPE = "company";

    private final OrganizationPersons persons;
    private final Repository<Person> personRepository;
    private final RecordRegistry records;

    public DealParties(OrganizationPersons persons, Repository<Person> personRepository, RecordRegistry records) {
        this.persons = persons;
        this.personRepository = personRepository;
        this.records = records;
    }

    /** @throws DomainRuleViolation unknown_person or person_merged naming {@code field} */
    public void requirePerson(UUID organizationId, UUID personId, String field) {
        if (personId == null || persons.contains(organizationId, personId)) {
            return;
        }
        try {
            // an id of another type's aggregate fails to load (IncompatibleAggregateException): unknown here
            personRepository.load(personId.toString()).execute(person -> person.requireActiveFor(organizationId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw unknownPerson(field);
        } catch (DomainRuleViolation violation) {
            if (violation.errorCode() == ErrorCode.PERSON_MERGED) {
                throw new DomainRuleViolation(ErrorCode.PERSON_MERGED, field, "The person was merged into another "
                        + "person; name the survivor (existingId).", violation.existingId());
            }
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknownPerson(field) : violation;
        }
    }

    /** @throws DomainRuleViolation unknown_company for anything but a live company record of the organization */
    public void requireCompany(UUID organizationId, UUID companyId) {
        if (companyId != null && !records.objectTypeOf(organizationId, companyId).map(COMPANY_TYPE::equals)
                .orElse(false)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_COMPANY, "companyId",
                    "No company record with this id in this organization.");
        }
    }

    private static DomainRuleViolation unknownPerson(String field) {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, field, "No person with this id in this organization.");
    }
}
