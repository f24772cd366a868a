package io.unifiedcrm.crm.activity.query;

import io.unifiedcrm.crm.activity.api.ActivityPage;
import io.unifiedcrm.crm.activity.api.ActivityView;
import io.unifiedcrm.crm.activity.api.FindActivitiesQuery;
import io.unifiedcrm.crm.activity.api.FindActivityQuery;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads activities (logged ones and purchases) within one organization. */
@Component
class ActivityQueries {

    private final JdbcTemplate jdbc;

    ActivityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ActivityView> handle(FindActivityQuery query) {
        return jdbc.query("SELECT * FROM crm.activity WHERE organization_id = ? AND id = ?", ActivityQueries::view,
                query.organizationId(), query.activityId()).stream().findFirst();
    }

    @QueryHandler
    ActivityPage handle(FindActivitiesQuery query) {
        boolean byPerson = query.personId() != null;
        List<Object> arguments = new ArrayList<>();
        if (byPerson) {
            arguments.add(query.personId());
            arguments.add(query.organizationId());
        }
        Timestamp before = query.beforeOccurredAt() == null ? null : Timestamp.from(query.beforeOccurredAt());
        arguments.addAll(Arrays.asList(query.organizationId(), query.dealId(), query.dealId(), query.companyId(),
                query.companyId(), query.type(), query.type(), before, before, query.beforeId(), query.limit() + 1));
        List<ActivityView> activities = jdbc.query((byPerson ? MergedPersons.CTE : "") + """
                        SELECT a.* FROM crm.activity a
                        WHERE a.organization_id = ?
                        """ + (byPerson ? "  AND a.person_id IN (SELECT id FROM merged)\n" : "") + """
                          AND (cast(? AS uuid) IS NULL OR a.deal_id = ?)
                          AND (cast(? AS uuid) IS NULL OR a.company_id = ?)
                          AND (cast(? AS text) IS NULL OR a.type = ?)
                          AND (cast(? AS timestamptz) IS NULL OR (a.occurred_at, a.id) < (?, ?))
                        ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?""",
                ActivityQueries::view, arguments.toArray());
        boolean hasMore = activities.size() > query.limit();
        return new ActivityPage(hasMore ? activities.subList(0, query.limit()) : activities, hasMore);
    }

    private static ActivityView view(ResultSet row, int index) throws SQLException {
        BigDecimal amount = row.getBigDecimal("amount");
        String currency = row.getString("currency");
        return new ActivityView(row.getObject("id", UUID.class), row.getString("type"),
                row.getObject("person_id", UUID.class), row.getObject("deal_id", UUID.class),
                row.getObject("company_id", UUID.class), row.getObject("owner_id", UUID.class),
                row.getString("subject"), row.getString("body"), instant(row, "occurred_at"), instant(row, "due_at"),
                row.getObject("duration_seconds", Long.class), row.getString("outcome"), instant(row, "start_at"),
                instant(row, "end_at"), row.getBoolean("completed"), instant(row, "completed_at"),
                row.getObject("order_id", UUID.class),
                amount == null || currency == null ? null : new Money(amount, currency), instant(row, "created_at"),
                instant(row, "updated_at"), row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getObject(column, Timestamp.class);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
