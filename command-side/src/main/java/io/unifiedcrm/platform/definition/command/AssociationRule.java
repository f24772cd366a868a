package io.unifiedcrm.platform.definition.command;

/** A labelled association an object type's records may have with records of {@code toObjectType}. */
public record AssociationRule(String toObjectType, String label, String inverseLabel, Integer maxPerRecord) {
}
