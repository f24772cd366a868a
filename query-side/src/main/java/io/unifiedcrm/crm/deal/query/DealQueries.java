package io.unifiedcrm.crm.deal.query;

import io.unifiedcrm.crm.deal.api.DealPage;
import io.unifiedcrm.crm.deal.api.DealStageHistoryView;
import io.unifiedcrm.crm.deal.api.DealView;
import io.unifiedcrm.crm.deal.api.FindDealQuery;
import io.unifiedcrm.crm.deal.api.FindDealsQuery;
import io.unifiedcrm.crm.pipeline.api.StageProbability;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.infrastructure.web.ReadSnapshot;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads deals with their stage (name and probability as the pipeline has them now) and stage history. */
@Component
class DealQueries {

    private final JdbcTemplate jdbc;
    private final ReadSnapshot snapshot;

    DealQueries(JdbcTemplate jdbc, ReadSnapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    @QueryHandler
    Optional<DealView> handle(FindDealQuery query) {
        return read(query.organizationId(), List.of(query.dealId())).stream().findFirst();
    }

    @QueryHandler
    DealPage handle(FindDealsQuery query) {
        boolean byPerson = query.personId() != null;
        List<Object> arguments = new ArrayList<>();
        if (byPerson) {
            arguments.add(query.personId());
            arguments.add(query.organizationId());
        }
        Timestamp before = query.beforeCreatedAt() == null ? null : Timestamp.from(query.beforeCreatedAt());
        arguments.addAll(Arrays.asList(query.organizationId(), query.pipelineId(), query.pipelineId(),
                query.stageId(), query.stageId(), query.ownerId(), query.ownerId(), query.status(), query.status(),
                before, before, query.beforeId(), query.limit() + 1));
        List<UUID> ids = jdbc.queryForList((byPerson ? MergedPersons.CTE : "") + """
                        SELECT d.id FROM crm.deal d
                        WHERE d.organization_id = ?
                        """ + (byPerson ? "  AND d.person_id IN (SELECT id FROM merged)\n" : "") + """
                          AND (cast(? AS uuid) IS NULL OR d.pipeline_id = ?)
                          AND (cast(? AS uuid) IS NULL OR d.stage_id = ?)
                          AND (cast(? AS uuid) IS NULL OR d.owner_id = ?)
                          AND (cast(? AS text) IS NULL OR d.status = ?)
                          AND (cast(? AS timestamptz) IS NULL OR (d.created_at, d.id) < (?, ?))
                        ORDER BY d.created_at DESC, d.id DESC LIMIT ?""",
                UUID.class, arguments.toArray());
        boolean hasMore = ids.size() > query.limit();
        return new DealPage(read(query.organizationId(), hasMore ? ids.subList(0, query.limit()) : ids), hasMore);
    }

    /** The organization's deals of these ids, newest first, each with its stage history (oldest stay first). */
    /** The deals with their parts, read on one snapshot (several statements). */
    private List<DealView> read(UUID organizationId, List<UUID> ids) {
        return ids.isEmpty() ? List.of() : snapshot.of(() -> readParts(organizationId, ids));
    }

    private List<DealView> readParts(UUID organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DealStageHistoryView>> history = new LinkedHashMap<>();
        jdbc.query(ofDeals("""
                SELECT h.*, s.name AS stage_name FROM crm.deal_stage_history h
                LEFT JOIN crm.pipeline_stage s ON s.id = h.stage_id
                WHERE h.organization_id = ? AND h.deal_id = ANY (?)
                ORDER BY h.deal_id, h.entered_sequence""", organizationId, ids), (RowCallbackHandler) row ->
                history.computeIfAbsent(row.getObject("deal_id", UUID.class), deal -> new ArrayList<>())
                        .add(new DealStageHistoryView(row.getObject("stage_id", UUID.class),
                                row.getString("stage_name"), instant(row, "entered_at"), instant(row, "left_at"),
                                row.getObject("time_in_stage_ms", Long.class))));
        return jdbc.query(ofDeals("""
                SELECT d.*, s.name AS stage_name, s.probability AS stage_probability FROM crm.deal d
                LEFT JOIN crm.pipeline_stage s ON s.id = d.stage_id
                WHERE d.organization_id = ? AND d.id = ANY (?)
                ORDER BY d.created_at DESC, d.id DESC""", organizationId, ids), (row, index) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return view(row, history.getOrDefault(id, List.of()));
                });
    }

    private static DealView view(ResultSet row, List<DealStageHistoryView> history) throws SQLException {
        BigDecimal amount = row.getBigDecimal("amount");
        BigDecimal probability = row.getBigDecimal("stage_probability");
        return new DealView(row.getObject("id", UUID.class), row.getString("name"),
                amount == null ? null : new Money(amount, row.getString("currency")),
                row.getObject("pipeline_id", UUID.class), row.getObject("stage_id", UUID.class),
                row.getString("stage_name"), probability == null ? null : StageProbability.normalized(probability),
                row.getString("status"), row.getObject("close_date", LocalDate.class),
                row.getObject("owner_id", UUID.class), row.getObject("person_id", UUID.class),
                row.getObject("company_id", UUID.class), row.getString("lost_reason"),
                instant(row, "stage_entered_at"), instant(row, "closed_at"), history, instant(row, "created_at"),
                instant(row, "updated_at"), row.getLong("version"));
    }

    /** A statement whose parameters are the organization and an array of deal ids. */
    private static PreparedStatementCreator ofDeals(String sql, UUID organizationId, List<UUID> ids) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setObject(1, organizationId);
            statement.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            return statement;
        };
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getObject(column, Timestamp.class);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
