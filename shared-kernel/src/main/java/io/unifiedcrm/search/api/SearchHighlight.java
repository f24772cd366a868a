package io.unifiedcrm.search.api;

/**
 * Which field of the document matched and a snippet of it: HTML-escaped text in which the matching words are wrapped
 * in {@code <mark>}…{@code </mark>} (safe to insert as HTML), shortened with … around the first match.
 */
public record SearchHighlight(String field, String snippet) {
}
