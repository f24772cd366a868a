package io.unifiedcrm.identity.person.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.unifiedcrm.commerce.customer.api.CustomerView;
import io.unifiedcrm.crm.contact.api.ContactView;

/**
 * The person 360 ({@code GET /persons/{id}}): the person with flags and addresses, and — as far as {@code include=}
 * asks — customer statistics, CRM contact fields, recent orders, deals, activities and linked records, of the person
 * and everybody merged into it. A part not asked for, or that the person does not have (no customer record, not a
 * contact), is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person360View(
        @JsonUnwrapped PersonView person,
        CustomerView customer,
        ContactView contact,
        PersonOrders orders,
        PersonDeals deals,
        PersonActivities activities,
        PersonRecords records) {
}
