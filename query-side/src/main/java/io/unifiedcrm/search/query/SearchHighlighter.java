package io.unifiedcrm.search.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.search.api.SearchHighlight;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The highlight of a hit: of its document's fields, the one in which the most words of the query match (the first
 * of those, fields being in order of importance; the first field if none matches) — a word of the field matches a
 * word of the query that it starts with, or, for a fuzzy hit, that it is similar to (trigram similarity, as pg_trgm
 * computes it, at least {@value #SIMILAR}) — as HTML-escaped text with the matching words in {@code <mark>}, cut to
 * about {@value #SNIPPET_LENGTH} characters around the first of them. Words are compared in lower case without
 * accents; the query's words are its runs of letters and digits.
 *
 * <p>Its cost is bounded (issue 17, finding 4: a large record took seconds to highlight): the first
 * {@value #MAX_TERMS} distinct words of the query are looked for, in the first {@value #EXAMINED_CHARACTERS}
 * characters of each field, and one highlighter (a page of hits) examines at most {@value #PAGE_BUDGET} characters
 * in all; past that, a hit shows the start of its first field unmarked. A snippet widens to whole words by at most
 * {@value #WORD_REACH} characters.
 */
final class SearchHighlighter {

    static final double SIMILAR = 0.4;
    static final int SNIPPET_LENGTH = 160;
    private static final int CONTEXT_BEFORE = 40;
    static final int MAX_TERMS = 16;
    static final int EXAMINED_CHARACTERS = 4_000;
    static final int PAGE_BUDGET = 200_000;
    static final int WORD_REACH = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<String> terms;
    private int budget = PAGE_BUDGET;

    SearchHighlighter(String query) {
        this.terms = words(query).stream().map(Word::folded).distinct().limit(MAX_TERMS).toList();
    }

    /** The highlight of a document with these fields ({@code [{"field", "text", "weight"}]}), or null if it has none. */
    SearchHighlight highlight(String fieldsJson, boolean fuzzy) {
        List<JsonNode> fields = new ArrayList<>();
        try {
            JSON.readTree(fieldsJson).forEach(fields::add);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
        if (fields.isEmpty()) {
            return null;
        }
        SearchHighlight best = null;
        int bestCount = 0;
        for (JsonNode field : fields) {
            String text = field.path("text").asText();
            if (budget <= 0) {
                break;
            }
            String examined = text.length() > EXAMINED_CHARACTERS ? text.substring(0, EXAMINED_CHARACTERS) : text;
            budget -= examined.length();
            List<Word> marked = words(examined).stream().filter(word -> matches(word.folded(), fuzzy)).toList();
            int count = (int) terms.stream().filter(term -> marked.stream()
                    .anyMatch(word -> matches(word.folded(), term, fuzzy))).count();
            if (count > bestCount) {
                best = new SearchHighlight(field.path("field").asText(), snippet(text, marked));
                bestCount = count;
            }
        }
        if (best != null) {
            return best;
        }
        JsonNode first = fields.get(0);
        return new SearchHighlight(first.path("field").asText(), snippet(first.path("text").asText(), List.of()));
    }

    private boolean matches(String word, boolean fuzzy) {
        return terms.stream().anyMatch(term -> matches(word, term, fuzzy));
    }

    private static boolean matches(String word, String term, boolean fuzzy) {
        return word.startsWith(term) || fuzzy && similarity(word, term) >= SIMILAR;
    }

    /** HTML-escaped text with the marked words in {@code <mark>}, cut around the first of them if it is long. */
    static String snippet(String text, List<Word> marked) {
        int from = 0;
        int to = text.length();
        if (text.length() > SNIPPET_LENGTH) {
            int firstMatch = marked.isEmpty() ? 0 : marked.get(0).start();
            from = Math.max(0, Math.min(firstMatch - CONTEXT_BEFORE, text.length() - SNIPPET_LENGTH));
            to = Math.min(text.length(), from + SNIPPET_LENGTH);
            from = startOfWord(text, from);
            to = endOfWord(text, to);
        }
        StringBuilder snippet = new StringBuilder(from > 0 ? "…" : "");
        int at = from;
        for (Word word : marked) {
            if (word.start() < from || word.end() > to) {
                continue;
            }
            snippet.append(escape(text.substring(at, word.start()))).append("<mark>")
                    .append(escape(text.substring(word.start(), word.end()))).append("</mark>");
            at = word.end();
        }
        return snippet.append(escape(text.substring(at, to))).append(to < text.length() ? "…" : "").toString();
    }

    /** The runs of letters and digits of a text, with their place and their folded form. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new Word(start, i, fold(text.substring(start, i))));
                start = -1;
            }
        }
        return words;
    }

    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** pg_trgm's similarity of two words: shared trigrams of the words padded with two blanks before, one after. */
    static double similarity(String left, String right) {
        Set<String> leftTrigrams = trigrams(left);
        Set<String> rightTrigrams = trigrams(right);
        Set<String> shared = new HashSet<>(leftTrigrams);
        shared.retainAll(rightTrigrams);
        int all = leftTrigrams.size() + rightTrigrams.size() - shared.size();
        return all == 0 ? 0 : (double) shared.size() / all;
    }

    private static Set<String> trigrams(String word) {
        String padded = "  " + word + " ";
        Set<String> trigrams = new HashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            trigrams.add(padded.substring(i, i + 3));
        }
        return trigrams;
    }

    private static int startOfWord(String text, int at) {
        int start = at;
        while (start > 0 && at - start < WORD_REACH && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int endOfWord(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < WORD_REACH && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    record Word(int start, int end, String folded) {
    }
}
