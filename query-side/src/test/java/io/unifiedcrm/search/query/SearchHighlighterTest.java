package io.unifiedcrm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.search.api.SearchHighlight;
import org.junit.jupiter.api.Test;

class SearchHighlighterTest {

    private static final String PERSON = """
            [{"field": "name", "text": "Jonathan Smith", "weight": "A"},
             {"field": "email", "text": "jon.smith@example.com", "weight": "A"},
             {"field": "phone", "text": "+442079460958", "weight": "B"}]""";

    @Test
    void theFieldWithTheMostMatchingWordsIsShownWithTheMatchesMarked() {
        assertThat(new SearchHighlighter("jon smi").highlight(PERSON, false))
                .isEqualTo(new SearchHighlight("name", "<mark>Jonathan</mark> <mark>Smith</mark>"));
        assertThat(new SearchHighlighter("jon.smith@example.com").highlight(PERSON, false)).isEqualTo(
                new SearchHighlight("email", "<mark>jon</mark>.<mark>smith</mark>@<mark>example</mark>.<mark>com</mark>"));
        assertThat(new SearchHighlighter("4420").highlight(PERSON, false))
                .isEqualTo(new SearchHighlight("phone", "+<mark>442079460958</mark>"));
        assertThat(new SearchHighlighter("zzz").highlight(PERSON, false))
                .as("nothing matches: the first field, unmarked").isEqualTo(new SearchHighlight("name", "Jonathan Smith"));
    }

    @Test
    void aFuzzyHitMarksSimilarWordsAndAccentsDoNotMatter() {
        String company = "[{\"field\": \"name\", \"text\": \"Globex Corporation\", \"weight\": \"A\"}]";
        assertThat(new SearchHighlighter("Globex Corporaton").highlight(company, false).snippet())
                .isEqualTo("<mark>Globex</mark> Corporation");
        assertThat(new SearchHighlighter("Globex Corporaton").highlight(company, true).snippet())
                .isEqualTo("<mark>Globex</mark> <mark>Corporation</mark>");
        String accented = "[{\"field\": \"name\", \"text\": \"Zoë Müller\", \"weight\": \"A\"}]";
        assertThat(new SearchHighlighter("zoe MULL").highlight(accented, false).snippet())
                .isEqualTo("<mark>Zoë</mark> <mark>Müller</mark>");
    }

    /** Issue 17, finding 4: the work grew with document size × query words × page size. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS) // a safety net
    void theWorkOfAPageIsBoundedWhateverTheDocumentsAndTheQuery() {
        String huge = "[{\"field\": \"notes\", \"text\": \"" + "lorem ipsum dolor sit amet ".repeat(20_000)
                + "\", \"weight\": \"B\"}, {\"field\": \"code\", \"text\": \"" + "x".repeat(100_000)
                + "\", \"weight\": \"B\"}]";
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            query.append("word").append(i).append(' ');
        }
        SearchHighlighter page = new SearchHighlighter(query + "dolor");
        for (int hit = 0; hit < 200; hit++) {
            SearchHighlight highlight = page.highlight(huge, true);
            assertThat(highlight.snippet().length()).isLessThan(SearchHighlighter.SNIPPET_LENGTH
                    + 2 * SearchHighlighter.WORD_REACH + 40);
        }
        SearchHighlight code = new SearchHighlighter("xx").highlight("[{\"field\": \"code\", \"text\": \""
                + "x".repeat(100_000) + "\", \"weight\": \"B\"}]", false);
        assertThat(code.snippet().length()).as("a 100,000-letter word is cut too")
                .isLessThan(SearchHighlighter.SNIPPET_LENGTH + 2 * SearchHighlighter.WORD_REACH + 40);
    }

    @Test
    void snippetsAreHtmlEscapedAndCutAroundTheFirstMatch() {
        String text = "<b>" + "filler ".repeat(40) + "needle & thread " + "tail ".repeat(40);
        String fields = "[{\"field\": \"notes\", \"text\": \"" + text + "\", \"weight\": \"B\"}]";
        String snippet = new SearchHighlighter("needle").highlight(fields, false).snippet();
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>needle</mark> &amp; thread")
                .doesNotContain("<b>");
        assertThat(snippet.length()).isLessThan(SearchHighlighter.SNIPPET_LENGTH + 40);
        assertThat(new SearchHighlighter("b").highlight(fields, false).snippet()).startsWith("&lt;<mark>b</mark>&gt;");
    }

    @Test
    void similarityIsPgTrgms() {
        assertThat(SearchHighlighter.similarity("word", "word")).isEqualTo(1.0);
        assertThat(SearchHighlighter.similarity("corporaton", "corporation")).isEqualTo(9.0 / 14);
        assertThat(SearchHighlighter.similarity("abc", "xyz")).isZero();
    }
}
