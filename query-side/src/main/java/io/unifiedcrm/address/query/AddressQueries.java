package io.unifiedcrm.address.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.address.api.AddressOrderKey;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.AddressPage;
import io.unifiedcrm.address.api.AddressView;
import io.unifiedcrm.identity.person.query.MergedPersons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code shared.address}, always within one organization. A person's addresses include those of everybody
 * merged into them (recursively); where both have a default of a type, the survivor's own stays the default.
 */
@Component
public class AddressQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            a.id, a.entity_type, a.entity_id, a.type, a.lines, a.city, a.state_province, a.postal_code, a.country,
            a.country_code, a.label, a.latitude, a.longitude, a.version""";

    private final JdbcTemplate jdbc;

    public AddressQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses a person's own read shows; more are listed by {@code GET /api/v1/addresses}. */
    public static final int SHOWN_WITH_THE_PERSON = 50;

    /** The first addresses of the owner (at most {@value #SHOWN_WITH_THE_PERSON}), by type then creation. */
    public List<AddressView> firstOf(UUID organizationId, String entityType, UUID entityId) {
        return page(organizationId, entityType, entityId, null, SHOWN_WITH_THE_PERSON).items();
    }

    /**
     * A page of the owner's addresses in {@link AddressOrderKey} order, after the key of the page before's last one.
     */
    public AddressPage page(UUID organizationId, String entityType, UUID entityId, AddressOrderKey after,
                            int limit) {
        Object[] key = after == null ? new Object[] {null, null, null, null} : new Object[] {after.type(),
                after.depth(), Timestamp.from(after.createdAt()), after.id()};
        String afterKey = " AND (cast(? AS text) IS NULL OR (a.type, depth, a.created_at, a.id) > (cast(? AS text), "
                + "cast(? AS int), cast(? AS timestamptz), cast(? AS uuid))) ";
        List<Keyed> rows;
        if (!AddressOwnerType.PERSON.code().equals(entityType)) {
            rows = jdbc.query("SELECT * FROM (SELECT " + COLUMNS + ", a.is_default, a.created_at, 0 AS depth "
                            + "FROM shared.address a WHERE a.organization_id = ? AND a.entity_type = ? "
                            + "AND a.entity_id = ?) a WHERE true" + afterKey
                            + "ORDER BY a.type, a.created_at, a.id LIMIT ?",
                    AddressQueries::keyed, organizationId, entityType, entityId, key[0], key[0], key[1], key[2],
                    key[3], limit + 1);
        } else {
            rows = jdbc.query(MergedPersons.CTE + "SELECT * FROM (SELECT " + COLUMNS + """
                            , a.is_default AND NOT EXISTS (
                                    SELECT 1 FROM shared.address other JOIN merged m2 ON other.entity_id = m2.id
                                    WHERE other.entity_type = 'person' AND other.type = a.type AND other.is_default
                                      AND m2.depth < m.depth) AS is_default, a.created_at, m.depth AS depth
                            FROM shared.address a JOIN merged m ON a.entity_id = m.id
                            WHERE a.organization_id = ? AND a.entity_type = 'person') a WHERE true""" + afterKey
                            + "ORDER BY a.type, depth, a.created_at, a.id LIMIT ?",
                    AddressQueries::keyed, entityId, organizationId, organizationId, key[0], key[0], key[1], key[2],
                    key[3], limit + 1);
        }
        boolean hasMore = rows.size() > limit;
        List<Keyed> page = hasMore ? rows.subList(0, limit) : rows;
        return new AddressPage(page.stream().map(Keyed::address).toList(),
                hasMore ? page.get(page.size() - 1).key() : null);
    }

    /** An address with its place in the order. */
    private record Keyed(AddressView address, AddressOrderKey key) {
    }

    private static Keyed keyed(ResultSet row, int index) throws SQLException {
        AddressView address = view(row, index);
        return new Keyed(address, new AddressOrderKey(address.type(), row.getInt("depth"),
                row.getTimestamp("created_at").toInstant(), address.id()));
    }

    public Optional<AddressView> byId(UUID organizationId, UUID addressId) {
        return jdbc.query("SELECT " + COLUMNS + ", a.is_default FROM shared.address a "
                        + "WHERE a.organization_id = ? AND a.id = ?",
                AddressQueries::view, organizationId, addressId).stream().findFirst();
    }

    private static AddressView view(ResultSet row, int index) throws SQLException {
        return new AddressView(row.getObject("id", UUID.class), row.getString("entity_type"),
                row.getObject("entity_id", UUID.class), row.getString("type"), row.getBoolean("is_default"),
                lines(row.getString("lines")), row.getString("city"), row.getString("state_province"),
                row.getString("postal_code"), row.getString("country"), row.getString("country_code"),
                row.getString("label"), row.getBigDecimal("latitude"), row.getBigDecimal("longitude"),
                row.getLong("version"));
    }

    private static List<String> lines(String json) {
        try {
            return JSON.readValue(json, LINES);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("shared.address.lines is not a JSON array of text", corrupt);
        }
    }
}
