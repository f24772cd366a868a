package io.unifiedcrm.identity.organization.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent;
import io.unifiedcrm.identity.organization.api.ApiKeyRevokedEvent;
import io.unifiedcrm.identity.organization.api.ChangeOrganizationCommand;
import io.unifiedcrm.identity.organization.api.CreateOrganizationCommand;
import io.unifiedcrm.identity.organization.api.OrganizationRenamedEvent;
import io.unifiedcrm.identity.organization.api.OrganizationSettingsChangedEvent;
import io.unifiedcrm.identity.organization.api.IssueApiKeyCommand;
import io.unifiedcrm.identity.organization.api.RevokeApiKeyCommand;
import io.unifiedcrm.identity.organization.api.OrganizationCreatedEvent;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.shared.CurrencyCode;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.RequiredText;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A tenant: a business using Unified CRM, with its base currency and its API keys. */
@Aggregate(cache = "organizationCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class Organization {

    static final int MAX_NAME_LENGTH = 200;

    static final int MAX_SETTINGS_LENGTH = 64 * 1024;

    @AggregateIdentifier
    private UUID organizationId;
    private String name;
    private String baseCurrency;
    private Map<String, Object> settings = Map.of();
    /** The organization's API keys and whether each is still active. */
    private final Map<UUID, Boolean> apiKeysActive = new HashMap<>();

    protected Organization() {
        // for Axon
    }

    /** @return the organization's version after creation */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateOrganizationCommand command) {
        String name = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
        String baseCurrency = CurrencyCode.of(command.baseCurrency()).value();
        apply(new OrganizationCreatedEvent(command.organizationId(), name, baseCurrency));
        apply(new ApiKeyIssuedEvent(command.organizationId(), command.apiKeyId(), command.apiKeyHash(),
                ApiKeyAccess.ADMIN));
        return AggregateLifecycle.getVersion();
    }

    /** @return the organization's version after the change (unchanged when nothing differs) */
    @CommandHandler
    public long handle(ChangeOrganizationCommand command) {
        if (command.name() != null) {
            String newName = RequiredText.of("name", command.name(), MAX_NAME_LENGTH).value();
            if (!newName.equals(name)) {
                apply(new OrganizationRenamedEvent(organizationId, newName));
            }
        }
        if (command.settings() != null && !command.settings().equals(settings)) {
            String text = String.valueOf(command.settings());
            if (text.length() > MAX_SETTINGS_LENGTH || text.indexOf('\u0000') >= 0) {
                throw new DomainRuleViolation(ErrorCode.INVALID_SETTINGS, "settings",
                        "settings are a JSON object of at most 64 KiB without NUL characters.");
            }
            apply(new OrganizationSettingsChangedEvent(organizationId, command.settings()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** @return the organization's version after issuing the key */
    @CommandHandler
    public long handle(IssueApiKeyCommand command) {
        if (command.access() == null) {
            throw new DomainRuleViolation(ErrorCode.INVALID_ACCESS, "access", "Unknown access.");
        }
        apply(new ApiKeyIssuedEvent(organizationId, command.apiKeyId(), command.keyHash(), command.access()));
        return AggregateLifecycle.getVersion();
    }

    /** @return the organization's version after the revocation */
    @CommandHandler
    public long handle(RevokeApiKeyCommand command) {
        Boolean active = apiKeysActive.get(command.apiKeyId());
        if (active == null) {
            throw DomainRuleViolation.notFound();
        }
        if (active) {
            apply(new ApiKeyRevokedEvent(organizationId, command.apiKeyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The currency every amount of the organization is in; another organization's looks missing. */
    public String baseCurrencyFor(UUID callerOrganization) {
        if (!organizationId.equals(callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
        return baseCurrency;
    }

    @EventSourcingHandler
    void on(OrganizationCreatedEvent event) {
        this.baseCurrency = event.baseCurrency();
        this.organizationId = event.organizationId();
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(OrganizationRenamedEvent event) {
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(OrganizationSettingsChangedEvent event) {
        this.settings = event.settings();
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        apiKeysActive.put(event.apiKeyId(), true);
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        apiKeysActive.put(event.apiKeyId(), false);
    }
}
