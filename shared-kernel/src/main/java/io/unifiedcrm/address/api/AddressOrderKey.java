package io.unifiedcrm.address.api;

import java.time.Instant;
import java.util.UUID;

/** An address's place in an owner's list: by type, then merge depth (the person's own first), creation and id. */
public record AddressOrderKey(String type, int depth, Instant createdAt, UUID id) {
}
