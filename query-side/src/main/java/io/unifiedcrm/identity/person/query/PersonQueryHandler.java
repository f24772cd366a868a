package io.unifiedcrm.identity.person.query;

import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.query.AddressQueries;
import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.FindPersonsQuery;
import io.unifiedcrm.identity.person.api.PersonPage;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.identity.person.projection.PersonReadModel;
import io.unifiedcrm.identity.person.projection.PersonReadModelRepository;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

@Component
class PersonQueryHandler {

    private final PersonReadModelRepository persons;
    private final AddressQueries addresses;

    PersonQueryHandler(PersonReadModelRepository persons, AddressQueries addresses) {
        this.persons = persons;
        this.addresses = addresses;
    }

    @QueryHandler
    PersonPage handle(FindPersonsQuery query) {
        String prefixPattern = query.namePrefix() == null ? null
                : query.namePrefix().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<PersonView> persons = this.persons.findPage(query.organizationId(), query.email(),
                        query.lifecycleStage(), query.isCustomer(), query.isLead(), query.source(), prefixPattern,
                        query.afterCreatedAt(), query.afterId(), Limit.of(query.limit() + 1))
                .stream().map(PersonReadModel::toView).toList();
        boolean hasMore = persons.size() > query.limit();
        return new PersonPage(hasMore ? persons.subList(0, query.limit()) : persons, hasMore);
    }

    @QueryHandler
    Optional<PersonView> handle(FindPersonQuery query) {
        return persons.findByIdAndOrganizationId(query.personId(), query.organizationId())
                .map(PersonReadModel::toView)
                .map(person -> person.withAddresses(
                        addresses.firstOf(query.organizationId(), AddressOwnerType.PERSON.code(), person.id())));
    }
}
