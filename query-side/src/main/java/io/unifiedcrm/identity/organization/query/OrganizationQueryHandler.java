package io.unifiedcrm.identity.organization.query;

import io.unifiedcrm.identity.organization.api.FindOrganizationQuery;
import io.unifiedcrm.identity.organization.api.OrganizationView;
import io.unifiedcrm.identity.organization.projection.OrganizationReadModel;
import io.unifiedcrm.identity.organization.projection.OrganizationReadModelRepository;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class OrganizationQueryHandler {

    private final OrganizationReadModelRepository organizations;

    OrganizationQueryHandler(OrganizationReadModelRepository organizations) {
        this.organizations = organizations;
    }

    @QueryHandler
    Optional<OrganizationView> handle(FindOrganizationQuery query) {
        return organizations.findById(query.organizationId()).map(OrganizationReadModel::toView);
    }
}
