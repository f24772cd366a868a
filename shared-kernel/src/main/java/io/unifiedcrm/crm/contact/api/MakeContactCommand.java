package io.unifiedcrm.crm.contact.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes a person a CRM contact (handled by the Person aggregate). {@code leadStatus} defaults to {@code new};
 * {@code companyId} names a {@code company} record and {@code ownerId} a person, both of the organization.
 */
public record MakeContactCommand(@TargetAggregateIdentifier UUID personId, UUID organizationId, String jobTitle,
                                 String department, UUID companyId, String leadStatus, String leadSource,
                                 UUID ownerId, Instant nextFollowUp) {
}
