package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.commerce.customer.command.CustomerNumbers;
import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** What the Person fixture tests share: ids, a created person, the fixture and the violation matcher. */
final class PersonFixtures {

    static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID OTHER_PERSON = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    /** A company record of {@link #ORGANIZATION}. */
    static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    /** A person of {@link #ORGANIZATION} who owns contacts. */
    static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    static final PersonCreatedEvent ADA_CREATED = new PersonCreatedEvent(PERSON, ORGANIZATION,
            "Ada@Example.com", "Ada", "Lovelace", null, null);

    private PersonFixtures() {
    }

    static FixtureConfiguration<Person> fixture() {
        FixtureConfiguration<Person> fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(new CustomerNumbers(null) {
            @Override
            public String next(UUID organizationId) {
                return "C000042";
            }
        });
        fixture.registerInjectableResource(new CompanyRecords(null) {
            @Override
            public boolean contains(UUID organizationId, UUID recordId) {
                return ORGANIZATION.equals(organizationId) && COMPANY.equals(recordId);
            }
        });
        fixture.registerInjectableResource(new OrganizationPersons(null) {
            @Override
            public boolean contains(UUID organizationId, UUID personId) {
                return ORGANIZATION.equals(organizationId)
                        && (PERSON.equals(personId) || OTHER_PERSON.equals(personId) || OWNER.equals(personId));
            }
        });
        return fixture;
    }

    static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
