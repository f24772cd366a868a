package io.unifiedcrm.crm.pipeline.query;

import io.unifiedcrm.crm.pipeline.api.FindPipelineQuery;
import io.unifiedcrm.crm.pipeline.api.FindPipelineSummaryQuery;
import io.unifiedcrm.crm.pipeline.api.FindPipelinesQuery;
import io.unifiedcrm.crm.pipeline.api.PipelinePage;
import io.unifiedcrm.crm.pipeline.api.PipelineStageView;
import io.unifiedcrm.crm.pipeline.api.PipelineSummaryView;
import io.unifiedcrm.crm.pipeline.api.PipelineView;
import io.unifiedcrm.crm.pipeline.api.StageProbability;
import io.unifiedcrm.crm.pipeline.api.StageSummaryView;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

/** Reads pipelines with their stages, and the pipeline summary, within one organization. */
@Component
class PipelineQueries {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;

    PipelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<PipelineView> handle(FindPipelineQuery query) {
        return read(query.organizationId(), List.of(query.pipelineId())).stream().findFirst();
    }

    @QueryHandler
    PipelinePage handle(FindPipelinesQuery query) {
        Timestamp after = query.afterCreatedAt() == null ? null : Timestamp.from(query.afterCreatedAt());
        List<UUID> ids = jdbc.queryForList("""
                        SELECT id FROM crm.pipeline
                        WHERE organization_id = ?
                          AND (cast(? AS timestamptz) IS NULL OR (created_at, id) > (?, ?))
                        ORDER BY created_at, id LIMIT ?""",
                UUID.class, query.organizationId(), after, after, query.afterId(), query.limit() + 1);
        boolean hasMore = ids.size() > query.limit();
        return new PipelinePage(read(query.organizationId(), hasMore ? ids.subList(0, query.limit()) : ids), hasMore);
    }

    /**
     * Per stage (in order): the deals in it, their amounts summed and that sum × probability / 100, rounded
     * half-even to 4 decimal places; over all stages the sums of those. Amounts are exact numeric(19,4) sums.
     */
    @QueryHandler
    Optional<PipelineSummaryView> handle(FindPipelineSummaryQuery query) {
        // the organization's base currency; its deals' while the organization's row is not projected yet
        List<Map<String, Object>> pipelines = jdbc.queryForList("""
                        SELECT p.name, coalesce(o.base_currency, (SELECT min(d.currency) FROM crm.deal d
                                                                  WHERE d.pipeline_id = p.id)) AS base_currency
                        FROM crm.pipeline p LEFT JOIN identity.organization o ON o.id = p.organization_id
                        WHERE p.id = ? AND p.organization_id = ?""", query.pipelineId(), query.organizationId());
        if (pipelines.isEmpty()) {
            return Optional.empty();
        }
        String currency = (String) pipelines.get(0).get("base_currency");
        List<StageSummaryView> stages = jdbc.query("""
                        SELECT s.id, s.position, s.name, s.probability, s.forecast_category, s.is_closed, s.is_won,
                               count(d.id) AS deal_count, coalesce(sum(d.amount), 0) AS amount
                        FROM crm.pipeline_stage s
                        LEFT JOIN crm.deal d ON d.stage_id = s.id AND d.organization_id = s.organization_id
                        WHERE s.pipeline_id = ? AND s.organization_id = ? AND NOT s.removed
                        GROUP BY s.id ORDER BY s.position, s.id""",
                (row, index) -> {
                    BigDecimal probability = row.getBigDecimal("probability");
                    BigDecimal amount = row.getBigDecimal("amount").setScale(4, RoundingMode.UNNECESSARY);
                    BigDecimal weighted = amount.multiply(probability).divide(HUNDRED)
                            .setScale(4, RoundingMode.HALF_EVEN);
                    return new StageSummaryView(row.getObject("id", UUID.class), row.getInt("position"),
                            row.getString("name"), StageProbability.normalized(probability),
                            row.getString("forecast_category"), row.getBoolean("is_closed"),
                            row.getBoolean("is_won"), row.getLong("deal_count"), new Money(amount, currency),
                            new Money(weighted, currency));
                }, query.pipelineId(), query.organizationId());
        BigDecimal amount = stages.stream().map(stage -> stage.amount().amount())
                .reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
        BigDecimal weighted = stages.stream().map(stage -> stage.weightedAmount().amount())
                .reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
        long deals = stages.stream().mapToLong(StageSummaryView::dealCount).sum();
        return Optional.of(new PipelineSummaryView(query.pipelineId(), (String) pipelines.get(0).get("name"), stages,
                deals, new Money(amount, currency), new Money(weighted, currency)));
    }

    /** The organization's pipelines of these ids, oldest first, each with its stages in order. */
    private List<PipelineView> read(UUID organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PipelineStageView>> stages = new LinkedHashMap<>();
        jdbc.query(ofPipelines("""
                SELECT * FROM crm.pipeline_stage
                WHERE organization_id = ? AND pipeline_id = ANY (?) AND NOT removed
                ORDER BY pipeline_id, position""", organizationId, ids), (RowCallbackHandler) row ->
                stages.computeIfAbsent(row.getObject("pipeline_id", UUID.class), pipeline -> new ArrayList<>())
                        .add(new PipelineStageView(row.getObject("id", UUID.class), row.getInt("position"),
                                row.getString("name"),
                                StageProbability.normalized(row.getBigDecimal("probability")),
                                row.getString("forecast_category"), row.getBoolean("is_closed"),
                                row.getBoolean("is_won"))));
        return jdbc.query(ofPipelines("""
                SELECT * FROM crm.pipeline WHERE organization_id = ? AND id = ANY (?)
                ORDER BY created_at, id""", organizationId, ids), (row, index) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new PipelineView(id, row.getString("name"), row.getBoolean("is_default"),
                            stages.getOrDefault(id, List.of()), instant(row, "created_at"),
                            instant(row, "updated_at"), row.getLong("version"));
                });
    }

    /** A statement whose parameters are the organization and an array of pipeline ids. */
    private static PreparedStatementCreator ofPipelines(String sql, UUID organizationId, List<UUID> ids) {
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
