package io.unifiedcrm.search.projection;

import java.util.List;

/**
 * A field a document is found by: its name (shown in the highlight), its text and its weight in the full-text vector:
 * {@code A} for identifiers (names, e-mail, SKU, domain), {@code B} for secondary text.
 */
record SearchField(String field, String text, String weight) {

    static SearchField a(String field, String text) {
        return new SearchField(field, text, "A");
    }

    static SearchField b(String field, String text) {
        return new SearchField(field, text, "B");
    }

    /** Adds the field when it has text. */
    static void addTo(List<SearchField> fields, SearchField field) {
        if (field.text() != null && !field.text().isBlank()) {
            fields.add(field);
        }
    }
}
