package io.unifiedcrm.platform.definition.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import io.unifiedcrm.platform.definition.api.AssociationDefinedEvent;
import io.unifiedcrm.platform.definition.api.ChangeObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.CreateObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.DefineAssociationCommand;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionChangedEvent;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionCreatedEvent;
import io.unifiedcrm.platform.definition.api.ObjectFeature;
import io.unifiedcrm.platform.definition.api.ObjectSchemaChangedEvent;
import io.unifiedcrm.platform.definition.api.ObjectTypeName;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.OptionalText;
import io.unifiedcrm.shared.RequiredText;
import java.util.HashMap;
import java.util.List;
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
 * An object type of an organization (seed: platform object_definition): its name, its properties' JSON Schema in
 * versions, how its records are shown, its features and the associations its records may have.
 */
@Aggregate(cache = "objectDefinitionCache", lockFactory = OrganizationCheckedLocks.BEAN_NAME)
public class ObjectDefinition {

    @AggregateIdentifier
    private UUID definitionId;
    private UUID organizationId;
    private String name;
    private String pluralName;
    private PropertySchema schema;
    private int schemaVersion;
    private String displayProperty;
    private String icon;
    private String color;
    private List<String> features;
    private String uniqueProperty;
    private boolean system;
    private boolean active;
    private final Map<String, AssociationRule> associations = new HashMap<>();

    protected ObjectDefinition() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public long handle(CreateObjectDefinitionCommand command) {
        String typeName = new ObjectTypeName(command.name()).value();
        PropertySchema properties = PropertySchema.of(command.schema());
        List<String> featureCodes = features(command.features());
        String display = requireProperty(properties, "displayProperty", command.displayProperty());
        String unique = command.uniqueProperty() == null ? null
                : requireProperty(properties, "uniqueProperty", command.uniqueProperty());
        if ((unique != null) != featureCodes.contains(ObjectFeature.DUPLICATE_DETECTION.code())) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "uniqueProperty",
                    "duplicate_detection goes with a uniqueProperty, and a uniqueProperty with duplicate_detection.");
        }
        apply(new ObjectDefinitionCreatedEvent(command.definitionId(), command.organizationId(), typeName,
                RequiredText.of("pluralName", command.pluralName(), 100).value(), properties.document(), display,
                OptionalText.of("icon", command.icon(), 100), OptionalText.of("color", command.color(), 32),
                featureCodes, unique, command.system()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeObjectDefinitionCommand command) {
        requireOrganization(command.organizationId());
        PropertySchema newSchema = command.schema() == null ? schema : PropertySchema.of(command.schema());
        if (uniqueProperty != null && !newSchema.propertyNames().contains(uniqueProperty)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "schema",
                    "The schema must keep the unique property " + uniqueProperty + ".");
        }
        String display = command.displayProperty() == null && newSchema.propertyNames().contains(displayProperty)
                ? displayProperty
                : requireProperty(newSchema, "displayProperty",
                        command.displayProperty() == null ? displayProperty : command.displayProperty());
        List<String> newFeatures = command.features() == null ? features : features(command.features());
        if (newFeatures.contains(ObjectFeature.DUPLICATE_DETECTION.code()) != (uniqueProperty != null)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "features",
                    "duplicate_detection is fixed at creation, with the unique property.");
        }
        boolean newActive = command.active() == null ? active : command.active();
        if (system && !newActive) {
            throw new DomainRuleViolation(ErrorCode.SYSTEM_OBJECT_TYPE, "active",
                    "A system object type cannot be deactivated.");
        }
        if (command.schema() != null && !newSchema.document().equals(schema.document())) {
            apply(new ObjectSchemaChangedEvent(definitionId, organizationId, name, schemaVersion + 1,
                    newSchema.document()));
        }
        String plural = command.pluralName() == null ? pluralName
                : RequiredText.of("pluralName", command.pluralName(), 100).value();
        String newIcon = command.icon() == null ? icon : OptionalText.of("icon", command.icon(), 100);
        String newColor = command.color() == null ? color : OptionalText.of("color", command.color(), 32);
        if (!plural.equals(pluralName) || !display.equals(displayProperty) || !Objects.equals(newIcon, icon)
                || !Objects.equals(newColor, color) || !newFeatures.equals(features) || newActive != active) {
            apply(new ObjectDefinitionChangedEvent(definitionId, organizationId, name, plural, display, newIcon,
                    newColor, newFeatures, newActive));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DefineAssociationCommand command) {
        requireOrganization(command.organizationId());
        String toType = new ObjectTypeName(command.toObjectType()).value();
        if (!command.toObjectTypeExists()) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_OBJECT_TYPE, "toObjectType",
                    "No object type " + toType + " in this organization.");
        }
        String label = label("label", command.label());
        String inverse = label("inverseLabel", command.inverseLabel());
        if (command.maxPerRecord() != null && command.maxPerRecord() < 1) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "maxPerRecord", "maxPerRecord is at least 1.");
        }
        AssociationRule existing = associations.get(label);
        if (existing != null && (!existing.toObjectType().equals(toType) || !existing.inverseLabel().equals(inverse)
                || !Objects.equals(existing.maxPerRecord(), command.maxPerRecord()))) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "label",
                    "This object type already defines the label " + label + " differently.");
        }
        if (existing == null) {
            apply(new AssociationDefinedEvent(definitionId, organizationId, name, toType, label, inverse,
                    command.maxPerRecord()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** What records of this type must satisfy now; refuses another organization's type like a missing one. */
    ObjectTypeRules rulesFor(UUID callerOrganization) {
        requireOrganization(callerOrganization);
        return new ObjectTypeRules(definitionId, name, schemaVersion, schema, displayProperty, uniqueProperty, active,
                Map.copyOf(associations));
    }

    private void requireOrganization(UUID callerOrganization) {
        if (!Objects.equals(organizationId, callerOrganization)) {
            throw DomainRuleViolation.notFound();
        }
    }

    private static String requireProperty(PropertySchema schema, String field, String property) {
        if (property == null || !schema.propertyNames().contains(property)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, field,
                    field + " must name a property of the schema.");
        }
        return property;
    }

    private static List<String> features(List<String> codes) {
        return codes == null ? List.of()
                : codes.stream().map(code -> ObjectFeature.of(code).code()).distinct().sorted().toList();
    }

    /** Labels follow the rules of type names (e.g. {@code primary_company}), named after their field. */
    private static String label(String field, String value) {
        try {
            return new ObjectTypeName(value == null ? null : value.strip()).value();
        } catch (DomainRuleViolation invalid) {
            throw new DomainRuleViolation(ErrorCode.INVALID_OBJECT_TYPE_NAME, field,
                    field + " is 1 to 63 of a-z, 0-9 and _, starting with a letter.");
        }
    }

    @EventSourcingHandler
    void on(ObjectDefinitionCreatedEvent event) {
        this.definitionId = event.definitionId();
        this.organizationId = event.organizationId();
        this.name = event.name();
        this.pluralName = event.pluralName();
        this.schema = PropertySchema.stored(event.schema());
        this.schemaVersion = 1;
        this.displayProperty = event.displayProperty();
        this.icon = event.icon();
        this.color = event.color();
        this.features = event.features();
        this.uniqueProperty = event.uniqueProperty();
        this.system = event.system();
        this.active = true;
    }

    @EventSourcingHandler
    void on(ObjectSchemaChangedEvent event) {
        this.schema = PropertySchema.stored(event.schema());
        this.schemaVersion = event.schemaVersion();
    }

    @EventSourcingHandler
    void on(ObjectDefinitionChangedEvent event) {
        this.pluralName = event.pluralName();
        this.displayProperty = event.displayProperty();
        this.icon = event.icon();
        this.color = event.color();
        this.features = event.features();
        this.active = event.active();
    }

    @EventSourcingHandler
    void on(AssociationDefinedEvent event) {
        associations.put(event.label(), new AssociationRule(event.toObjectType(), event.label(),
                event.inverseLabel(), event.maxPerRecord()));
    }
}
