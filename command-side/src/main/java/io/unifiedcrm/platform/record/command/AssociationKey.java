package io.unifiedcrm.platform.record.command;

import java.util.UUID;

/** One association of a record: the other record and the label (from this record's side). */
record AssociationKey(UUID toRecordId, String label) {
}
