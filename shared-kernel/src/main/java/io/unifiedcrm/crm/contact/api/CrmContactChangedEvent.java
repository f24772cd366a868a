package io.unifiedcrm.crm.contact.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A contact's CRM fields as they are after a change (the full state, not a difference). Applied by the Person
 * aggregate after {@link CrmContactCreatedEvent} when a contact is made with more than its lead status and source,
 * and whenever a change alters a field.
 */
@Revision("1")
public record CrmContactChangedEvent(UUID personId, UUID organizationId, String leadStatus, String leadSource,
                                     String jobTitle, String department, UUID companyId, UUID ownerId,
                                     Instant nextFollowUp) {
}
