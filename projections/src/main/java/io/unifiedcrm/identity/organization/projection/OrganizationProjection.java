package io.unifiedcrm.identity.organization.projection;

import io.unifiedcrm.identity.projection.IdentityProcessingGroup;
import io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent;
import io.unifiedcrm.identity.organization.api.ApiKeyRevokedEvent;
import io.unifiedcrm.identity.organization.api.OrganizationCreatedEvent;
import io.unifiedcrm.identity.organization.api.OrganizationRenamedEvent;
import io.unifiedcrm.identity.organization.api.OrganizationSettingsChangedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code identity.organization}; API keys only advance its version (their hashes live in {@code auth}). */
@Component
@ProcessingGroup(IdentityProcessingGroup.NAME)
class OrganizationProjection {

    private final OrganizationReadModelRepository organizations;

    OrganizationProjection(OrganizationReadModelRepository organizations) {
        this.organizations = organizations;
    }

    @EventHandler
    void on(OrganizationCreatedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (!organizations.existsById(event.organizationId())) {
            organizations.save(new OrganizationReadModel(event.organizationId(), event.name(), event.baseCurrency(),
                    sequenceNumber, at));
        }
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        organizations.findById(event.organizationId())
                .ifPresent(organization -> organization.advanceTo(sequenceNumber, at));
    }

    /** A revocation answers the organization's version like an issue does; the row follows it. */
    @EventHandler
    void on(ApiKeyRevokedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        organizations.findById(event.organizationId())
                .ifPresent(organization -> organization.advanceTo(sequenceNumber, at));
    }

    @EventHandler
    void on(OrganizationRenamedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        organizations.findById(event.organizationId())
                .ifPresent(organization -> organization.rename(event.name(), sequenceNumber, at));
    }

    @EventHandler
    void on(OrganizationSettingsChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        organizations.findById(event.organizationId())
                .ifPresent(organization -> organization.replaceSettings(event.settings(), sequenceNumber, at));
    }

    @ResetHandler
    void reset() {
        organizations.deleteAllInBatch();
    }
}
