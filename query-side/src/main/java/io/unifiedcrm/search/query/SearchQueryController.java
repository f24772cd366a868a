package io.unifiedcrm.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.unifiedcrm.infrastructure.ratelimit.ConcurrencyPerOrganization;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.search.api.FindSearchHitsQuery;
import io.unifiedcrm.search.api.SearchHitPage;
import io.unifiedcrm.search.api.SearchHitView;
import io.unifiedcrm.search.api.SearchType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: one search over the organization's persons, companies, products, deals and records. */
@RestController
class SearchQueryController {

    static final int MIN_QUERY_LENGTH = 2;
    static final int MAX_QUERY_LENGTH = 200;
    private static final BigDecimal HIGHEST_SCORE = new BigDecimal(3);

    private final QueryGateway queries;
    private final ConcurrencyPerOrganization searches;

    SearchQueryController(QueryGateway queries,
                          @Value("${unifiedcrm.search.concurrency-per-organization:4}") int searchesAtOnce) {
        this.queries = queries;
        this.searches = new ConcurrencyPerOrganization("searches", searchesAtOnce);
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Search persons, companies, products, deals and records of searchable types",
            description = "q (2 to 200 characters, else 400 invalid_query) matches each of its words as the start of "
                    + "a word (full text: names, e-mail, phone, SKU, domain, description, a record's string "
                    + "properties), and, with a typo, names by trigram similarity. Best first: an exact e-mail, SKU, "
                    + "company domain or unique value (score 2–3), then full-text matches by rank (1–2), then "
                    + "similar names by similarity (0–1); ties by id. types: comma-separated of person, company, "
                    + "product, deal, record (default all; another is a 400 invalid_types). Each hit names the field "
                    + "that matched with an HTML-escaped snippet, the matches in <mark>. Archived and deleted "
                    + "records, archived products and persons merged into another are not found. An organization runs "
                    + "at most 4 searches at once (unifiedcrm.search.concurrency-per-organization; then 429 "
                    + "too_many_concurrent_requests), each search at most 5 s (then 503 statement_timeout).")
    ItemList<SearchHitView> search(CallerOrganization organization,
                                   @Parameter(example = "jon smi") @RequestParam(required = false) String q,
                                   @Parameter(example = "person,company")
                                   @RequestParam(required = false) String types,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        String text = text(q);
        Set<SearchType> wanted = types(types);
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 2);
        BigDecimal afterScore = after == null ? null : score(after.get(0));
        UUID afterId = after == null ? null : Paging.uuidAt(after, 1);
        SearchHitPage page;
        try (ConcurrencyPerOrganization.Permit ignored = searches.acquire(organization.id())) {
            page = queries.query(new FindSearchHitsQuery(organization.id(), text, wanted, afterScore, afterId,
                    pageSize), SearchHitPage.class).join();
        }
        String nextCursor = null;
        if (page.hasMore() && !page.items().isEmpty()) {
            SearchHitView last = page.items().get(page.items().size() - 1);
            nextCursor = Paging.cursorAfter(List.of(last.score().toPlainString(), last.id().toString()));
        }
        return new ItemList<>(page.items(), nextCursor);
    }

    private static String text(String q) {
        String text = q == null ? "" : q.strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_QUERY_LENGTH || text.length() > MAX_QUERY_LENGTH || text.indexOf('\0') >= 0) {
            throw new BadRequest("invalid_query", "q", "q is " + MIN_QUERY_LENGTH + " to " + MAX_QUERY_LENGTH
                    + " characters (without leading and trailing blanks).");
        }
        return text;
    }

    private static Set<SearchType> types(String types) {
        if (types == null || types.isBlank()) {
            return EnumSet.allOf(SearchType.class);
        }
        Set<SearchType> wanted = EnumSet.noneOf(SearchType.class);
        for (String code : types.split(",", -1)) {
            wanted.add(SearchType.of(code.strip()).orElseThrow(() -> new BadRequest("invalid_types", "types",
                    "types is a comma-separated list of person, company, product, deal, record.")));
        }
        return wanted;
    }

    private static BigDecimal score(String text) {
        try {
            BigDecimal score = new BigDecimal(text);
            if (score.signum() < 0 || score.compareTo(HIGHEST_SCORE) >= 0 || score.scale() > 4) {
                throw new NumberFormatException("not a score");
            }
            return score;
        } catch (NumberFormatException notAScore) {
            throw new BadRequest("invalid_cursor", "cursor", "The cursor is not one this API handed out.");
        }
    }
}
