package io.unifiedcrm.search.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One search result. {@code score}: 2–3 for an exact e-mail, SKU, company domain or unique-value match, 1–2 for a
 * full-text match (all terms, each as a word prefix), 0–1 for a fuzzy (trigram) match; the fraction is the full-text
 * rank (tiers 1 and 2) or the trigram word similarity (tier 0). {@code objectType}: a company's or record's object
 * type, else {@code null}.
 */
public record SearchHitView(String type, UUID id, String objectType, String title, String subtitle, BigDecimal score,
                            SearchHighlight highlight, String link) {
}
