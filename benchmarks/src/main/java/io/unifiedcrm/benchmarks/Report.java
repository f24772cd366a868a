package io.unifiedcrm.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of one run next to its baseline and target, written as JSON and Markdown. */
final class Report {

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    void setting(String key, Object value) {
        settings.put(key, value);
    }

    void note(String note) {
        notes.add(note);
    }

    /**
     * @param baseline the raw-PostgreSQL figure it is compared with, or NaN
     * @param target   the target as text (e.g. "≥ 3,000"), or empty
     * @param met      whether the target is met, or null when there is none
     */
    void figure(String id, String name, double value, String unit, String baselineName, double baseline,
                String target, Boolean met) {
        figures.add(new Figure(id, name, value, unit, baselineName, baseline, target, met));
    }

    void write(Path json, Path markdown, Path summary) throws Exception {
        ObjectNode root = Http.JSON.createObjectNode();
        root.putPOJO("machine", machine);
        root.putPOJO("settings", settings);
        root.putPOJO("figures", figures);
        root.putPOJO("notes", notes);
        Files.createDirectories(json.getParent());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
        String text = markdown();
        Files.writeString(markdown, text);
        if (summary != null) {
            MarkedSection.replace(summary, "latest-report", text.replaceFirst("# Benchmark report", "## Latest run"));
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n");
        md.append("Figures from one run of `./bench/run.sh`; each baseline was measured in the same run, on the same ")
                .append("machine and database.\n\n");
        md.append("| figure | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            md.append("| ").append(figure.id()).append(' ').append(figure.name())
                    .append(" | ").append(format(figure.value())).append(' ').append(figure.unit())
                    .append(" | ").append(Double.isNaN(figure.baseline()) ? "" : figure.baselineName() + " "
                            + format(figure.baseline()))
                    .append(" | ").append(Double.isNaN(figure.baseline()) || figure.baseline() == 0 ? ""
                            : String.format(Locale.ROOT, "%.1f %%", 100 * figure.value() / figure.baseline()))
                    .append(" | ").append(figure.target())
                    .append(" | ").append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\n## Machine\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Settings\n\n");
        settings.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    record Figure(String id, String name, double value, String unit, String baselineName, double baseline,
                  String target, Boolean met) {
    }
}
