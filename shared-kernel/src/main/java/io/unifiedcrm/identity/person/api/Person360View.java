package io.unifiedcrm.identity.person.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.crm.contact.api.ContactView;
import java.time.Instant;

/**
 * The person 360 ({@code GET /persons/{id}}): the person with flags and addresses, and — as far as {@code include=}
 * asks — customer statistics, CRM contact fields, recent orders, deals, activities and linked records, of the person
 * and everybody merged into it. A part not asked for, or that the person does not have (no customer record, not a
 * contact), is left out. {@code asOf} is the instant a point-in-time read ({@code ?asOf=}) answers for, absent
 * otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person360View(
        @JsonUnwrapped PersonView person,
        CustomerView customer,
        ContactView contact,
        PersonOrders orders,
        PersonDeals deals,
        PersonActivities activities,
        PersonRecords records,
        Instant asOf) {

    /** The 360 as it is now. */
    public Person360View(PersonView person, CustomerView customer, ContactView contact, PersonOrders orders,
                         PersonDeals deals, PersonActivities activities, PersonRecords records) {
        this(person, customer, contact, orders, deals, activities, records, null);
    }
}
