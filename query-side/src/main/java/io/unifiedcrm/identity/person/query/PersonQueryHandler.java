package io.unifiedcrm.identity.person.query;

import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.identity.person.projection.PersonReadModel;
import io.unifiedcrm.identity.person.projection.PersonReadModelRepository;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class PersonQueryHandler {

    private final PersonReadModelRepository persons;

    PersonQueryHandler(PersonReadModelRepository persons) {
        this.persons = persons;
    }

    @QueryHandler
    Optional<PersonView> handle(FindPersonQuery query) {
        return persons.findByIdAndOrganizationId(query.personId(), query.organizationId())
                .map(PersonReadModel::toView);
    }
}
