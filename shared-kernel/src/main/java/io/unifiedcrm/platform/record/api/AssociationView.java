package io.unifiedcrm.platform.record.api;

import java.util.UUID;

/** An association as seen from one record: the other record, its type and the label from this side. */
public record AssociationView(UUID recordId, String objectType, String label, String displayName) {
}
