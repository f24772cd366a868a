package io.unifiedcrm.identity.person.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.commerce.customer.api.FindCustomerQuery;
import io.unifiedcrm.crm.contact.api.ContactView;
import io.unifiedcrm.crm.contact.api.FindContactQuery;
import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.FindPersonsQuery;
import io.unifiedcrm.identity.person.api.Person360View;
import io.unifiedcrm.identity.person.api.PersonPage;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
class PersonQueryController {

    private final QueryGateway queries;
    private final Person360Queries parts360;

    PersonQueryController(QueryGateway queries, Person360Queries parts360) {
        this.queries = queries;
        this.parts360 = parts360;
    }

    @GetMapping
    @Operation(summary = "List the organization's persons in creation order, filtered by e-mail (any case), "
            + "lifecycleStage, isCustomer, isLead, source and q (first name, last name or e-mail prefix)",
            description = "Persons merged into another are left out; read them by id.")
    ItemList<PersonView> list(CallerOrganization organization, @RequestParam(required = false) String email,
                              @RequestParam(required = false) String lifecycleStage,
                              @RequestParam(required = false) Boolean isCustomer,
                              @RequestParam(required = false) Boolean isLead,
                              @RequestParam(required = false) String source,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        PersonPage page = queries.query(new FindPersonsQuery(organization.id(), email,
                checked("lifecycleStage", lifecycleStage, LifecycleStage::of, LifecycleStage::code),
                isCustomer, isLead, checked("source", source, PersonSource::of, PersonSource::code),
                q == null || q.isBlank() ? null : q.strip(),
                after.createdAt(), after.id(), pageSize), PersonPage.class).join();
        return new ItemList<>(page.items(),
                Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(), PersonView::createdAt, PersonView::id));
    }

    /** A filter value must be one of the codes the API knows, or the request is a 400. */
    private static <T> String checked(String parameter, String value, Function<String, T> parse,
                                      Function<T, String> code) {
        if (value == null) {
            return null;
        }
        try {
            return code.apply(parse.apply(value));
        } catch (DomainRuleViolation unknown) {
            throw new BadRequest("invalid_filter", parameter, unknown.getMessage());
        }
    }

    @ReadYourWrites
    @GetMapping("/{personId}")
    @Operation(summary = "Read the person 360: the person with flags and addresses, customer statistics, contact "
            + "fields, recent orders, deals, activities and linked records",
            description = "include= picks parts (addresses, customer, contact, orders, deals, activities, records; all "
                    + "when absent). Parts cover the person and everybody merged into it. A person merged into "
                    + "another answers 200 with mergedIntoId naming the survivor.")
    ResponseEntity<Person360View> get(CallerOrganization organization, @PathVariable UUID personId,
                                      @RequestParam(required = false) String include) {
        Set<Person360Part> parts = Person360Part.parse(include);
        PersonView person = queries.query(new FindPersonQuery(organization.id(), personId),
                        ResponseTypes.optionalInstanceOf(PersonView.class))
                .join()
                .orElseThrow(DomainRuleViolation::notFound);
        UUID organizationId = organization.id();
        Person360View view = new Person360View(
                parts.contains(Person360Part.ADDRESSES) ? person : person.withAddresses(null),
                parts.contains(Person360Part.CUSTOMER) ? queries.query(new FindCustomerQuery(organizationId,
                        personId), ResponseTypes.optionalInstanceOf(CustomerView.class)).join().orElse(null) : null,
                parts.contains(Person360Part.CONTACT) ? queries.query(new FindContactQuery(organizationId,
                        personId), ResponseTypes.optionalInstanceOf(ContactView.class)).join().orElse(null) : null,
                parts.contains(Person360Part.ORDERS) ? parts360.orders(organizationId, personId) : null,
                parts.contains(Person360Part.DEALS) ? parts360.deals(organizationId, personId) : null,
                parts.contains(Person360Part.ACTIVITIES) ? parts360.activities(organizationId, personId) : null,
                parts.contains(Person360Part.RECORDS) ? parts360.records(organizationId, personId) : null);
        return ResponseEntity.ok().eTag(String.valueOf(person.version())).body(view);
    }
}
