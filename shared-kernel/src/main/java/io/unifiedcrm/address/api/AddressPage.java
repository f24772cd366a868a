package io.unifiedcrm.address.api;

import java.util.List;

/** A page of an owner's addresses and the key of its last one when more follow ({@code null} after the last). */
public record AddressPage(List<AddressView> items, AddressOrderKey moreAfter) {
}
