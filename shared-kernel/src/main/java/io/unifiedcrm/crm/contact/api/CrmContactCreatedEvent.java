package io.unifiedcrm.crm.contact.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person became a CRM contact (seed: crm.contact), e.g. through a lead form, with a lead status and source.
 * Applied by the Person aggregate; the CRM read models and the lifecycle stage rule consume it.
 */
@Revision("1")
public record CrmContactCreatedEvent(UUID personId, UUID organizationId, String leadStatus, String leadSource) {
}
