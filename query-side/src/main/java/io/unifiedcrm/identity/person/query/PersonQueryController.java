package io.unifiedcrm.identity.person.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.commerce.customer.api.FindCustomerQuery;
import io.unifiedcrm.commerce.customer.projection.CustomerStatsRules;
import io.unifiedcrm.crm.contact.api.ContactView;
import io.unifiedcrm.crm.contact.api.FindContactQuery;
import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.FindPersonsQuery;
import io.unifiedcrm.identity.person.api.Person360View;
import io.unifiedcrm.identity.person.api.PersonPage;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.infrastructure.ratelimit.ConcurrencyPerOrganization;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ProblemResponse;
import io.unifiedcrm.infrastructure.web.Problems;
import io.unifiedcrm.infrastructure.web.ReadSnapshot;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.projection.runtime.asof.AsOfReplay;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
class PersonQueryController {

    private final ReadSnapshot snapshot;
    private final QueryGateway queries;
    private final Person360Queries parts360;
    private final PersonAsOf asOf;
    private final ConcurrencyPerOrganization asOfReads;

    PersonQueryController(QueryGateway queries, Person360Queries parts360, PersonAsOf asOf, ReadSnapshot snapshot,
                          @Value("${unifiedcrm.as-of.concurrency-per-organization:2}") int asOfReadsAtOnce) {
        this.queries = queries;
        this.parts360 = parts360;
        this.asOf = asOf;
        this.snapshot = snapshot;
        this.asOfReads = new ConcurrencyPerOrganization("asOf reads", asOfReadsAtOnce);
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
    @ProblemResponse(status = "422", description = "asOf past its bound of events read or time (as_of_too_costly)")
    @Operation(summary = "Read the person 360: the person with flags and addresses, customer statistics, contact "
            + "fields, recent orders, deals, activities and linked records",
            description = "include= picks parts (addresses, customer, contact, orders, deals, activities, records; all "
                    + "when absent). Parts cover the person and everybody merged into it. A person merged into "
                    + "another answers 200 with mergedIntoId naming the survivor. asOf (ISO 8601 date-time with an "
                    + "offset, not in the future) answers the 360 as it was at that instant, computed from the "
                    + "events up to it (without records and contact.recordId); 404 when the person did not exist "
                    + "then, 503 as_of_busy while a rebuild switches its read models, 422 as_of_too_costly past "
                    + "the bound of events read (unifiedcrm.as-of.max-events, 10,000) or time "
                    + "(unifiedcrm.as-of.timeout, 5 s), 429 too_many_concurrent_requests while the organization "
                    + "has as many asOf reads running as it may (unifiedcrm.as-of.concurrency-per-organization, 2).")
    ResponseEntity<Person360View> get(CallerOrganization organization, @PathVariable UUID personId,
                                      @RequestParam(required = false) String include,
                                      @RequestParam(required = false) String asOf) {
        Set<Person360Part> parts = Person360Part.parse(include);
        UUID organizationId = organization.id();
        if (asOf != null) {
            Instant at = PersonAsOf.parse(asOf, Instant.now());
            Set<Person360Part> computed = EnumSet.copyOf(parts);
            computed.remove(Person360Part.RECORDS); // platform records are not replayed: left out of asOf answers
            try (ConcurrencyPerOrganization.Permit ignored = asOfReads.acquire(organizationId)) {
                Person360View view = this.asOf.at(organizationId, personId, at,
                                () -> assemble(organizationId, personId, computed).orElse(null))
                        .orElseThrow(DomainRuleViolation::notFound);
                return ResponseEntity.ok().body(asOfView(view, at));
            }
        }
        // its parts on one snapshot: a person, their orders and their customer statistics of the same moment
        Person360View view = snapshot.of(() -> assemble(organizationId, personId, parts))
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(view.person().version())).body(view);
    }

    /** A rebuild's switch held a live table an asOf read copies for longer than the read waits. */
    @ExceptionHandler(AsOfReplay.Busy.class)
    ResponseEntity<ProblemDetail> busy(AsOfReplay.Busy busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "as_of_busy", busy.getMessage()));
    }

    @ExceptionHandler(AsOfReplay.TooCostly.class)
    ResponseEntity<ProblemDetail> tooCostly(AsOfReplay.TooCostly tooCostly) {
        return ResponseEntity.unprocessableEntity()
                .body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "as_of_too_costly", tooCostly.getMessage()));
    }

    /** The 360 from the read models as they are (live, or as the asOf replay left them in its transaction). */
    private Optional<Person360View> assemble(UUID organizationId, UUID personId, Set<Person360Part> parts) {
        Optional<PersonView> found = queries.query(new FindPersonQuery(organizationId, personId),
                ResponseTypes.optionalInstanceOf(PersonView.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PersonView person = found.get();
        return Optional.of(new Person360View(
                parts.contains(Person360Part.ADDRESSES) ? person : person.withAddresses(null),
                parts.contains(Person360Part.CUSTOMER) ? queries.query(new FindCustomerQuery(organizationId,
                        personId), ResponseTypes.optionalInstanceOf(CustomerView.class)).join().orElse(null) : null,
                parts.contains(Person360Part.CONTACT) ? queries.query(new FindContactQuery(organizationId,
                        personId), ResponseTypes.optionalInstanceOf(ContactView.class)).join().orElse(null) : null,
                parts.contains(Person360Part.ORDERS) ? parts360.orders(organizationId, personId) : null,
                parts.contains(Person360Part.DEALS) ? parts360.deals(organizationId, personId) : null,
                parts.contains(Person360Part.ACTIVITIES) ? parts360.activities(organizationId, personId) : null,
                parts.contains(Person360Part.RECORDS) ? parts360.records(organizationId, personId) : null));
    }

    /**
     * What the live read showed at that instant: the recency segment as of then (not of now); the contact's record
     * (a platform record, not replayed) left out.
     */
    private static Person360View asOfView(Person360View view, Instant at) {
        CustomerView customer = view.customer() == null ? null : new CustomerView(view.customer().personId(),
                view.customer().customerNumber(), view.customer().createdAt(), view.customer().totalSpent(),
                view.customer().orderCount(), view.customer().averageOrderValue(), view.customer().firstOrderDate(),
                view.customer().lastOrderDate(), view.customer().cohort(), view.customer().segment(),
                CustomerStatsRules.recencySegment(view.customer().lastOrderDate(), at),
                view.customer().preferredPaymentMethod(), view.customer().preferredShippingMethod());
        ContactView c = view.contact();
        ContactView contact = c == null ? null : new ContactView(c.personId(), c.leadStatus(), c.leadSource(),
                c.jobTitle(), c.department(), c.companyId(), c.ownerId(), c.nextFollowUp(), c.lastContactedAt(),
                c.lastPurchaseAt(), c.lastPurchaseAmount(), null, c.createdAt(), c.updatedAt(), c.version());
        return new Person360View(view.person(), customer, contact, view.orders(), view.deals(), view.activities(),
                null, at);
    }
}
