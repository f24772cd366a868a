package io.unifiedcrm.crm.contact.api;

import java.time.Instant;
import java.util.UUID;

/** The CRM extension of a person (seed crm.contact); more fields join with the CRM domain. */
public record ContactView(UUID personId, String leadStatus, String leadSource, Instant createdAt) {
}
