package io.unifiedcrm.platform.definition.api;

public record AssociationDefinitionView(String toObjectType, String label, String inverseLabel, Integer maxPerRecord) {
}
