package io.unifiedcrm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of a Markdown document between {@code <!-- name:start -->} and {@code <!-- name:end -->} that a
 * benchmark run replaces, keeping everything around it; appended when the document has none yet.
 */
final class MarkedSection {

    private MarkedSection() {
    }

    static void replace(Path document, String name, String content) throws IOException {
        Files.createDirectories(document.toAbsolutePath().getParent());
        Files.writeString(document, replaced(Files.exists(document) ? Files.readString(document) : null, name,
                content));
    }

    static String replaced(String document, String name, String content) {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String section = start + "\n" + content + (content.endsWith("\n") ? "" : "\n") + end + "\n";
        if (document == null) {
            return "# Benchmarks\n\n" + section;
        }
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            return document + (document.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        return document.substring(0, from) + section + document.substring(to + end.length()).replaceFirst("^\n", "");
    }
}
