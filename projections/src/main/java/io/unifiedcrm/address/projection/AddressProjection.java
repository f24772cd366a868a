package io.unifiedcrm.address.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressMadeDefaultEvent;
import io.unifiedcrm.address.api.AddressRemovedEvent;
import io.unifiedcrm.address.api.PostalAddress;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code shared.address}, one or two statements per event, idempotent by the row's version. The first
 * address of a type is its owner's default (also when an address changes to a type the owner has no default of);
 * a default event makes its address the only default of the type.
 */
@Component
@ProcessingGroup(AddressProcessingGroup.NAME)
class AddressProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadModelJdbc jdbc;

    AddressProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AddressAddedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        PostalAddress address = event.address();
        jdbc.update("""
                        INSERT INTO shared.address (id, organization_id, entity_type, entity_id, type, is_default, lines,
                                                    city, state_province, postal_code, country, country_code, label,
                                                    latitude, longitude, version, created_at, updated_at)
                        SELECT ?, ?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM shared.address
                                                          WHERE entity_type = ? AND entity_id = ? AND type = ?
                                                            AND is_default),
                               cast(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        ON CONFLICT (id) DO NOTHING""",
                event.addressId(), event.organizationId(), event.entityType(), event.entityId(), event.type(),
                event.entityType(), event.entityId(), event.type(), json(address), address.city(),
                address.stateProvince(), address.postalCode(), address.country(), address.countryCode(),
                address.label(), address.latitude(), address.longitude(), sequenceNumber, Timestamp.from(at),
                Timestamp.from(at));
    }

    @EventHandler
    void on(AddressChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        PostalAddress address = event.address();
        jdbc.update("""
                        UPDATE shared.address a SET is_default = CASE WHEN a.type = ? THEN a.is_default
                                ELSE NOT EXISTS (SELECT 1 FROM shared.address o WHERE o.entity_type = a.entity_type
                                    AND o.entity_id = a.entity_id AND o.type = ? AND o.is_default AND o.id <> a.id)
                                END, type = ?, lines = cast(? AS jsonb),
                               city = ?, state_province = ?, postal_code = ?, country = ?, country_code = ?, label = ?,
                               latitude = ?, longitude = ?, version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                event.type(), event.type(), event.type(), json(address), address.city(), address.stateProvince(),
                address.postalCode(), address.country(), address.countryCode(), address.label(), address.latitude(),
                address.longitude(), sequenceNumber, Timestamp.from(at), event.addressId(), sequenceNumber);
    }

    @EventHandler
    void on(AddressMadeDefaultEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // two statements in the event's transaction: first no default of the type, then this one
        jdbc.update("""
                        UPDATE shared.address SET is_default = false
                        WHERE entity_type = ? AND entity_id = ? AND type = ? AND is_default
                          AND EXISTS (SELECT 1 FROM shared.address WHERE id = ? AND version < ?)""",
                event.entityType(), event.entityId(), event.type(), event.addressId(), sequenceNumber);
        jdbc.update("""
                        UPDATE shared.address SET is_default = true, version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                sequenceNumber, Timestamp.from(at), event.addressId(), sequenceNumber);
    }

    @EventHandler
    void on(AddressRemovedEvent event) {
        jdbc.update("DELETE FROM shared.address WHERE id = ?", event.addressId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM shared.address");
    }

    private static String json(PostalAddress address) {
        try {
            return JSON.writeValueAsString(address.lines());
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Address lines that are not JSON", unexpected);
        }
    }
}
