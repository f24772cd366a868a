package io.unifiedcrm.identity.person.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.identity.person.api.PersonActivities;
import io.unifiedcrm.identity.person.api.PersonDeals;
import io.unifiedcrm.identity.person.api.PersonOrders;
import io.unifiedcrm.identity.person.api.PersonRecords;
import io.unifiedcrm.shared.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The parts of the person 360 that list things of other domains: one statement per part however much the person
 * has (the latest few of each, with counts from window functions), over the person and everybody merged into it.
 */
@Component
class Person360Queries {

    static final int RECENT_ORDERS = 5;
    static final int DEALS_PER_GROUP = 10;
    static final int RECENT_ACTIVITIES = 10;
    static final int RECENT_RECORDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    Person360Queries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PersonOrders orders(UUID organizationId, UUID personId) {
        long[] count = {0};
        List<PersonOrders.Order> recent = jdbc.query(MergedPersons.CTE + """
                        SELECT o.id, o.status, o.payment_status, o.fulfillment_status, o.total, o.currency,
                               o.created_at, o.placed_at, count(*) OVER () AS total_count
                        FROM commerce.orders o JOIN merged ON merged.id = o.person_id
                        WHERE o.organization_id = ?
                        ORDER BY o.created_at DESC, o.id DESC LIMIT ?""",
                (row, index) -> {
                    count[0] = row.getLong("total_count");
                    return new PersonOrders.Order(row.getObject("id", UUID.class), row.getString("status"),
                            row.getString("payment_status"), row.getString("fulfillment_status"),
                            new Money(row.getBigDecimal("total"), row.getString("currency")),
                            instant(row, "created_at"), instant(row, "placed_at"));
                }, personId, organizationId, organizationId, RECENT_ORDERS);
        return new PersonOrders(count[0], recent);
    }

    PersonDeals deals(UUID organizationId, UUID personId) {
        long[] counts = {0, 0};
        List<PersonDeals.Deal> open = new ArrayList<>();
        List<PersonDeals.Deal> closed = new ArrayList<>();
        jdbc.query(MergedPersons.CTE + """
                        SELECT * FROM (
                            SELECT d.id, d.name, d.amount, d.currency, d.status, d.pipeline_id, d.stage_id,
                                   s.name AS stage_name, d.close_date, d.updated_at, d.status = 'open' AS is_open,
                                   row_number() OVER (PARTITION BY d.status = 'open'
                                                      ORDER BY d.updated_at DESC, d.id DESC) AS position,
                                   count(*) OVER (PARTITION BY d.status = 'open') AS group_count
                            FROM crm.deal d JOIN merged ON merged.id = d.person_id
                            LEFT JOIN crm.pipeline_stage s ON s.id = d.stage_id
                            WHERE d.organization_id = ?) ranked
                        WHERE position <= ?
                        ORDER BY is_open DESC, updated_at DESC, id DESC""",
                row -> {
                    boolean isOpen = row.getBoolean("is_open");
                    counts[isOpen ? 0 : 1] = row.getLong("group_count");
                    Date closeDate = row.getDate("close_date");
                    (isOpen ? open : closed).add(new PersonDeals.Deal(row.getObject("id", UUID.class),
                            row.getString("name"), row.getBigDecimal("amount") == null ? null
                            : new Money(row.getBigDecimal("amount"), row.getString("currency")),
                            row.getString("status"), row.getObject("pipeline_id", UUID.class),
                            row.getObject("stage_id", UUID.class), row.getString("stage_name"),
                            closeDate == null ? null : closeDate.toLocalDate(), instant(row, "updated_at")));
                }, personId, organizationId, organizationId, DEALS_PER_GROUP);
        return new PersonDeals(counts[0], open, counts[1], closed);
    }

    PersonActivities activities(UUID organizationId, UUID personId) {
        long[] count = {0};
        List<PersonActivities.Activity> recent = jdbc.query(MergedPersons.CTE + """
                        SELECT a.id, a.type, a.subject, a.occurred_at, a.completed, a.deal_id,
                               count(*) OVER () AS total_count
                        FROM crm.activity a JOIN merged ON merged.id = a.person_id
                        WHERE a.organization_id = ?
                        ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?""",
                (row, index) -> {
                    count[0] = row.getLong("total_count");
                    return new PersonActivities.Activity(row.getObject("id", UUID.class), row.getString("type"),
                            row.getString("subject"), instant(row, "occurred_at"), row.getBoolean("completed"),
                            row.getObject("deal_id", UUID.class));
                }, personId, organizationId, organizationId, RECENT_ACTIVITIES);
        return new PersonActivities(count[0], recent);
    }

    PersonRecords records(UUID organizationId, UUID personId) {
        long[] count = {0};
        List<PersonRecords.LinkedRecord> recent = jdbc.query(MergedPersons.CTE + """
                        SELECT r.id, r.object_type, r.display_name, r.status, r.created_at,
                               count(*) OVER () AS total_count,
                               (SELECT coalesce(json_agg(json_build_object('label', x.label, 'recordId', x.other,
                                                         'objectType', x.other_type)
                                                ORDER BY x.label, x.other), '[]')
                                FROM (SELECT a.label, a.to_record_id AS other, a.to_object_type AS other_type
                                      FROM platform.association a
                                      WHERE a.from_record_id = r.id AND a.organization_id = r.organization_id
                                      UNION ALL
                                      SELECT a.inverse_label, a.from_record_id, a.from_object_type
                                      FROM platform.association a
                                      WHERE a.to_record_id = r.id AND a.organization_id = r.organization_id) x)
                                   AS associations
                        FROM platform.record r JOIN merged ON merged.id = r.person_id
                        WHERE r.organization_id = ?
                        ORDER BY r.created_at DESC, r.id DESC LIMIT ?""",
                (row, index) -> {
                    count[0] = row.getLong("total_count");
                    return new PersonRecords.LinkedRecord(row.getObject("id", UUID.class),
                            row.getString("object_type"), row.getString("display_name"), row.getString("status"),
                            instant(row, "created_at"), associations(row.getString("associations")));
                }, personId, organizationId, organizationId, RECENT_RECORDS);
        return new PersonRecords(count[0], recent);
    }

    private static List<PersonRecords.Association> associations(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Associations that are not the JSON this query built", unexpected);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
