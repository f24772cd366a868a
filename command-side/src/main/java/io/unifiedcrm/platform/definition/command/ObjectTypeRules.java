package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Map;
import java.util.UUID;

/**
 * What a record of an object type must satisfy at this moment: the schema in force (and its version), which
 * property names it and which one is unique, whether the type takes new records, and its association labels.
 */
public record ObjectTypeRules(
        UUID definitionId,
        String name,
        int schemaVersion,
        PropertySchema schema,
        String displayProperty,
        String uniqueProperty,
        boolean active,
        Map<String, AssociationRule> associations) {

    public AssociationRule association(String label, String toObjectType) {
        AssociationRule rule = associations.get(label);
        if (rule == null || !rule.toObjectType().equals(toObjectType)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_ASSOCIATION, "label",
                    name + " defines no association " + label + " with " + toObjectType + ".");
        }
        return rule;
    }
}
