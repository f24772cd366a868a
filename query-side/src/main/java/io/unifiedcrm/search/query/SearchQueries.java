package io.unifiedcrm.search.query;

import io.unifiedcrm.infrastructure.web.ReadTimeouts;
import io.unifiedcrm.search.api.FindSearchHitsQuery;
import io.unifiedcrm.search.api.SearchHitPage;
import io.unifiedcrm.search.api.SearchHitView;
import io.unifiedcrm.search.api.SearchType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers searches from {@code system.search_document}, the organization's active documents only. Three tiers, best
 * first, each scored tier + fraction (4 decimals, so that a score is exact in a cursor):
 * <ol>
 *   <li>2: an exact key (lower-case e-mail address, SKU, company domain, a record's unique value) equals the query,
 *       plus the full-text rank;</li>
 *   <li>1: full-text match — every word of the query is the start of a word of the document (prefix tsquery, simple
 *       configuration, accents removed) — plus {@code ts_rank} (weights A for identifiers, B for the rest;
 *       normalized to rank / (rank + 1));</li>
 *   <li>0: fuzzy — the query is similar to a word sequence of the document's names (pg_trgm word similarity at least
 *       {@value #WORD_SIMILARITY_THRESHOLD}); the fraction is the similarity.</li>
 * </ol>
 * Ties by id. The fuzzy tier is only searched when the better tiers do not fill the page: its scores are below all of
 * theirs, so the keyset (score, id) runs across the tiers unchanged.
 */
@Component
class SearchQueries {

    static final String WORD_SIMILARITY_THRESHOLD = "0.4";
    /**
     * Every word of the query as a prefix, all required: {@code 'jon':* & 'smi':*}. The words are quoted after
     * {@code unaccent}, which turns some characters into tsquery syntax (’ into a quote, ‖ into bars, ∖ into a
     * backslash): quoted before it, such a word broke the quoting (a 500).
     */
    private static final String PREFIX_QUERY = """
            to_tsquery('simple', (SELECT string_agg('''' || replace(replace(word, '\\', '\\\\'), '''', '''''')
                || ''':*', ' & ') FROM regexp_split_to_table(unaccent(cast(:text AS text)), ' ') AS word
                WHERE word <> ''))""";
    private static final String MATCHES_TEXT = """
            (d.exact_keys @> ARRAY[cast(:exact AS text)]
             OR d.document @@ %s)""".formatted(PREFIX_QUERY);
    private static final String COMMON_FILTER = """
            d.organization_id = :organizationId AND d.status = 'active'
              AND d.type = ANY(string_to_array(:types, ','))""";
    private static final String AFTER = """
            (cast(:afterScore AS numeric) IS NULL OR hit.score < :afterScore
             OR (hit.score = :afterScore AND d.id > cast(:afterId AS uuid)))""";
    private static final String FULL_TEXT = """
            SELECT d.type, d.id, d.object_type, d.title, d.subtitle, d.fields::text AS fields, hit.score
            FROM system.search_document d
            CROSS JOIN LATERAL (SELECT CASE WHEN d.exact_keys @> ARRAY[cast(:exact AS text)] THEN 2 ELSE 1 END
                + least(round(ts_rank(d.document, %s, 32)::numeric, 4), 0.9999)
                AS score) hit
            WHERE %s AND %s AND %s
            ORDER BY hit.score DESC, d.id LIMIT :limit""".formatted(PREFIX_QUERY, COMMON_FILTER, MATCHES_TEXT, AFTER);
    private static final String FUZZY = """
            SELECT d.type, d.id, d.object_type, d.title, d.subtitle, d.fields::text AS fields, hit.score
            FROM system.search_document d
            CROSS JOIN LATERAL (SELECT least(round(word_similarity(system.search_fold(:text), d.search_text)::numeric,
                4), 0.9999) AS score) hit
            WHERE %s AND system.search_fold(:text) <%% d.search_text AND NOT %s AND %s
            ORDER BY hit.score DESC, d.id LIMIT :limit""".formatted(COMMON_FILTER, MATCHES_TEXT, AFTER);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    SearchQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                  @Value("${unifiedcrm.database.read-statement-timeout:PT5S}") Duration timeout) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // each statement gets the time left as its query timeout; past it, a 503
        this.readOnly.setTimeout(ReadTimeouts.seconds(timeout));
    }

    /** A search may take {@code unifiedcrm.database.read-statement-timeout} (5 s), then 503. */
    @QueryHandler
    SearchHitPage handle(FindSearchHitsQuery query) {
        return readOnly.execute(status -> search(query));
    }

    private SearchHitPage search(FindSearchHitsQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("organizationId", query.organizationId())
                .addValue("types", query.types().stream().map(SearchType::code).collect(Collectors.joining(",")))
                .addValue("exact", query.text().toLowerCase(Locale.ROOT))
                .addValue("text", query.text())
                .addValue("afterScore", query.afterScore())
                .addValue("afterId", query.afterId());
        boolean fuzzyOnly = query.afterScore() != null && query.afterScore().compareTo(BigDecimal.ONE) < 0;
        List<Hit> hits = new ArrayList<>();
        if (!fuzzyOnly) {
            hits.addAll(jdbc.query(FULL_TEXT, parameters.addValue("limit", query.limit() + 1), SearchQueries::hit));
        }
        if (hits.size() <= query.limit()) {
            jdbc.queryForObject("SELECT set_config('pg_trgm.word_similarity_threshold', :threshold, true)",
                    Map.of("threshold", WORD_SIMILARITY_THRESHOLD), String.class);
            hits.addAll(jdbc.query(FUZZY, parameters.addValue("limit", query.limit() + 1 - hits.size())
                    .addValue("afterScore", fuzzyOnly ? query.afterScore() : null)
                    .addValue("afterId", fuzzyOnly ? query.afterId() : null), SearchQueries::hit));
        }
        boolean hasMore = hits.size() > query.limit();
        SearchHighlighter highlighter = new SearchHighlighter(query.text());
        return new SearchHitPage(hits.stream().limit(query.limit()).map(hit -> hit.view(highlighter)).toList(),
                hasMore);
    }

    private static Hit hit(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new Hit(SearchType.of(row.getString("type")).orElseThrow(), row.getObject("id", UUID.class),
                row.getString("object_type"), row.getString("title"), row.getString("subtitle"),
                row.getString("fields"), row.getBigDecimal("score"));
    }

    private record Hit(SearchType type, UUID id, String objectType, String title, String subtitle, String fields,
                       BigDecimal score) {

        SearchHitView view(SearchHighlighter highlighter) {
            return new SearchHitView(type.code(), id, objectType, title, subtitle, score,
                    highlighter.highlight(fields, score.compareTo(BigDecimal.ONE) < 0), type.link(id));
        }
    }
}
