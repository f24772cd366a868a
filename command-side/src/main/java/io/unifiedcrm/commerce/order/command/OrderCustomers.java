package io.unifiedcrm.commerce.order.command;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.unifiedcrm.commerce.customer.api.BecomeCommerceCustomerCommand;
import io.unifiedcrm.identity.person.command.Person;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The person an order is for: made a commerce customer (with a customer number) in the order's own unit of work,
 * so a cart and its customer record are stored together or not at all.
 */
@Component
class OrderCustomers {

    private final Repository<Person> persons;

    OrderCustomers(Repository<Person> persons) {
        this.persons = persons;
    }

    /** @return the person's customer number; @throws DomainRuleViolation unknown_person, person_merged */
    String customerNumberOf(UUID organizationId, UUID personId) {
        try {
            return (String) persons.load(personId.toString())
                    .handle(asCommandMessage(new BecomeCommerceCustomerCommand(personId, organizationId)));
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw unknown();
        } catch (DomainRuleViolation violation) {
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknown() : violation;
        } catch (RuntimeException unexpected) {
            throw unexpected;
        } catch (Exception unexpected) {
            throw new IllegalStateException("Could not make person " + personId + " a customer", unexpected);
        }
    }

    private static DomainRuleViolation unknown() {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId",
                "No person with this id in this organization.");
    }
}
