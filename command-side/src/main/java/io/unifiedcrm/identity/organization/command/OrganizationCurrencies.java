package io.unifiedcrm.identity.organization.command;

import java.util.UUID;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** The base currency of an organization, from its aggregate (loaded in the caller's unit of work). */
@Component
public class OrganizationCurrencies {

    private final Repository<Organization> organizations;

    public OrganizationCurrencies(Repository<Organization> organizations) {
        this.organizations = organizations;
    }

    public String baseCurrencyOf(UUID organizationId) {
        return organizations.load(organizationId.toString())
                .invoke(organization -> organization.baseCurrencyFor(organizationId));
    }
}
