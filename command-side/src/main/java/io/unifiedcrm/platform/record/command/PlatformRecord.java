package io.unifiedcrm.platform.record.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.platform.definition.command.AssociationRule;
import io.unifiedcrm.platform.definition.command.ObjectTypeRules;
import io.unifiedcrm.platform.definition.command.ObjectTypes;
import io.unifiedcrm.platform.record.api.ArchiveRecordCommand;
import io.unifiedcrm.platform.record.api.AssociateRecordsCommand;
import io.unifiedcrm.platform.record.api.CreateRecordCommand;
import io.unifiedcrm.platform.record.api.DeleteRecordCommand;
import io.unifiedcrm.platform.record.api.DissociateRecordsCommand;
import io.unifiedcrm.platform.record.api.RecordArchivedEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordRestoredEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.platform.record.api.RecordsAssociatedEvent;
import io.unifiedcrm.platform.record.api.RecordsDissociatedEvent;
import io.unifiedcrm.platform.record.api.RestoreRecordCommand;
import io.unifiedcrm.platform.record.api.UpdateRecordCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.JsonMergePatch;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A record of a platform object type (seed: platform record): properties valid against the type's schema, a
 * display name, an optional person, owner and team, a status, and its outgoing associations.
 */
@Aggregate(cache = "platformRecordCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class PlatformRecord {

    static final String ACTIVE = "active";
    static final String ARCHIVED = "archived";

    @AggregateIdentifier
    private UUID recordId;
    private UUID organizationId;
    private String objectType;
    private Map<String, Object> properties;
    private int schemaVersion;
    private String uniqueValue;
    private String status;
    private boolean deleted;
    private final Set<AssociationKey> associations = new HashSet<>();

    protected PlatformRecord() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateRecordCommand command, ObjectTypes types) {
        ObjectTypeRules rules = types.rulesOf(command.organizationId(), command.objectType());
        if (!rules.active()) {
            throw new DomainRuleViolation(ErrorCode.OBJECT_TYPE_INACTIVE, "objectType",
                    "The object type " + rules.name() + " takes no new records.");
        }
        if (command.personId() != null && !command.personInOrganization()) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId",
                    "No person with this id in this organization.");
        }
        Map<String, Object> checked = RecordProperties.checked(rules, command.properties());
        apply(new RecordCreatedEvent(command.recordId(), command.organizationId(), rules.name(),
                rules.definitionId(), rules.schemaVersion(), checked, RecordProperties.displayName(rules, checked),
                command.personId(), command.ownerId(), command.teamId(), RecordProperties.uniqueValue(rules, checked)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(UpdateRecordCommand command, ObjectTypes types) {
        requireRecordOf(command.organizationId());
        if (ARCHIVED.equals(status)) {
            throw new DomainRuleViolation(ErrorCode.RECORD_ARCHIVED, null,
                    "The record is archived; restore it to change it.");
        }
        ObjectTypeRules rules = types.rulesOf(organizationId, objectType);
        Map<String, Object> patched = JsonMergePatch.apply(properties, command.propertiesPatch());
        Map<String, Object> checked = RecordProperties.checked(rules, patched);
        if (!checked.equals(properties) || rules.schemaVersion() != schemaVersion) {
            apply(new RecordUpdatedEvent(recordId, organizationId, objectType, rules.schemaVersion(), checked,
                    RecordProperties.displayName(rules, checked), RecordProperties.uniqueValue(rules, checked),
                    uniqueValue));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ArchiveRecordCommand command) {
        requireRecordOf(command.organizationId());
        if (ACTIVE.equals(status)) {
            apply(new RecordArchivedEvent(recordId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RestoreRecordCommand command) {
        requireRecordOf(command.organizationId());
        if (ARCHIVED.equals(status)) {
            apply(new RecordRestoredEvent(recordId, organizationId));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeleteRecordCommand command) {
        requireRecordOf(command.organizationId());
        apply(new RecordDeletedEvent(recordId, organizationId, objectType, uniqueValue));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AssociateRecordsCommand command, ObjectTypes types) {
        requireRecordOf(command.organizationId());
        if (command.toObjectType() == null || command.toRecordId().equals(recordId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_RECORD, "toRecordId",
                    "No other record with this id in this organization.");
        }
        AssociationRule rule = types.rulesOf(organizationId, objectType)
                .association(command.label(), command.toObjectType());
        if (associations.contains(new AssociationKey(command.toRecordId(), rule.label()))) {
            return AggregateLifecycle.getVersion();
        }
        long withLabel = associations.stream().filter(key -> key.label().equals(rule.label())).count();
        if (rule.maxPerRecord() != null && withLabel >= rule.maxPerRecord()) {
            throw new DomainRuleViolation(ErrorCode.ASSOCIATION_LIMIT_REACHED, "label",
                    "A " + objectType + " has at most " + rule.maxPerRecord() + " " + rule.label() + ".");
        }
        apply(new RecordsAssociatedEvent(recordId, organizationId, objectType, command.toRecordId(),
                command.toObjectType(), rule.label(), rule.inverseLabel()));
        return AggregateLifecycle.getVersion();
    }

    /** Also sent by the clean-up after the other record was deleted, so it accepts a deleted record's own id. */
    @CommandHandler
    public long handle(DissociateRecordsCommand command) {
        if (!Objects.equals(organizationId, command.organizationId())) {
            throw DomainRuleViolation.notFound();
        }
        if (!deleted && associations.contains(new AssociationKey(command.toRecordId(), command.label()))) {
            apply(new RecordsDissociatedEvent(recordId, organizationId, command.toRecordId(), command.label()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** A deleted record, like another organization's, does not exist. */
    private void requireRecordOf(UUID callerOrganization) {
        if (deleted || !Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    @EventSourcingHandler
    void on(RecordCreatedEvent event) {
        this.recordId = event.recordId();
        this.organizationId = event.organizationId();
        this.objectType = event.objectType();
        this.properties = event.properties();
        this.schemaVersion = event.schemaVersion();
        this.uniqueValue = event.uniqueValue();
        this.status = ACTIVE;
    }

    @EventSourcingHandler
    void on(RecordUpdatedEvent event) {
        this.properties = event.properties();
        this.schemaVersion = event.schemaVersion();
        this.uniqueValue = event.uniqueValue();
    }

    @EventSourcingHandler
    void on(RecordArchivedEvent event) {
        this.status = ARCHIVED;
    }

    @EventSourcingHandler
    void on(RecordRestoredEvent event) {
        this.status = ACTIVE;
    }

    @EventSourcingHandler
    void on(RecordDeletedEvent event) {
        this.deleted = true;
    }

    @EventSourcingHandler
    void on(RecordsAssociatedEvent event) {
        associations.add(new AssociationKey(event.toRecordId(), event.label()));
    }

    @EventSourcingHandler
    void on(RecordsDissociatedEvent event) {
        associations.remove(new AssociationKey(event.toRecordId(), event.label()));
    }
}
