package io.unifiedcrm.platform.definition.command;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape a customer's schema must keep so that validating a record against it costs a bounded amount: at most
 * {@value #MAX_DEPTH} levels of nesting, at most {@value #MAX_BRANCHES} subschemas in one {@code anyOf}, {@code oneOf},
 * {@code allOf} or {@code prefixItems}, references only by {@code $ref} to a place in the document itself (a JSON
 * pointer or an {@code $anchor}) and never in a cycle, and at most {@value #MAX_EXPANDED_NODES} schema nodes once
 * every reference is replaced by what it refers to. A ~200-byte schema of nested {@code anyOf} referring to itself
 * would otherwise make one record's validation run for minutes, and a schema that refers to itself directly
 * overflows the validator's stack on every record.
 */
final class SchemaShape {

    static final int MAX_DEPTH = 32;
    static final int MAX_BRANCHES = 32;
    static final int MAX_EXPANDED_NODES = 10_000;
    private static final Set<String> COMBINATORS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    /** Keywords whose dynamic scoping makes what they refer to depend on the instance; not offered. */
    private static final Set<String> DYNAMIC_REFERENCES = Set.of("$dynamicRef", "$dynamicAnchor", "$recursiveRef",
            "$recursiveAnchor");

    private final JsonNode root;
    private final Map<String, String> anchors = new HashMap<>();
    /** Per location (a JSON pointer), the nodes of its subtree and the locations its references point to. */
    private final Map<String, Subtree> subtrees = new HashMap<>();
    private final Map<String, Long> expandedSizes = new HashMap<>();

    private SchemaShape(JsonNode root) {
        this.root = root;
    }

    /** @throws DomainRuleViolation {@code invalid_schema} naming the bound the schema breaks */
    static void check(JsonNode schema) {
        SchemaShape shape = new SchemaShape(schema);
        shape.inspect(schema, "", 1);
        shape.expandedSize("", new HashSet<>());
    }

    private void inspect(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("schema may nest at most " + MAX_DEPTH + " levels deep.");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inspect(node.get(i), pointer + "/" + i, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        var members = node.fields();
        while (members.hasNext()) {
            var member = members.next();
            String keyword = member.getKey();
            JsonNode value = member.getValue();
            if (DYNAMIC_REFERENCES.contains(keyword)) {
                throw invalid("schema may not use " + keyword + "; use $ref.");
            }
            if (keyword.equals("$id") && !pointer.isEmpty()) {
                throw invalid("schema may have $id only at its root.");
            }
            if (COMBINATORS.contains(keyword) && value.isArray() && value.size() > MAX_BRANCHES) {
                throw invalid("schema may have at most " + MAX_BRANCHES + " entries in one " + keyword + ".");
            }
            if (keyword.equals("$anchor") && value.isTextual()) {
                anchors.put(value.asText(), pointer);
            }
            inspect(value, pointer + "/" + escaped(keyword), depth + 1);
        }
    }

    /**
     * How many schema nodes the subtree at {@code pointer} has once its references are replaced by their targets;
     * {@code open} holds the locations being expanded, so a reference back into one of them is a cycle.
     */
    private long expandedSize(String pointer, Set<String> open) {
        Long known = expandedSizes.get(pointer);
        if (known != null) {
            return known;
        }
        if (!open.add(pointer)) {
            throw invalid("schema may not refer to itself ($ref cycle through " + (pointer.isEmpty() ? "#" : "#"
                    + pointer) + ").");
        }
        Subtree subtree = subtree(pointer);
        long size = subtree.nodes();
        for (String target : subtree.references()) {
            size += expandedSize(target, open);
            if (size > MAX_EXPANDED_NODES) {
                throw invalid("schema may have at most " + MAX_EXPANDED_NODES
                        + " nodes once its $refs are replaced by what they refer to.");
            }
        }
        open.remove(pointer);
        expandedSizes.put(pointer, size);
        return size;
    }

    private Subtree subtree(String pointer) {
        return subtrees.computeIfAbsent(pointer, at -> {
            JsonNode node = root.at(at);
            List<String> references = new ArrayList<>();
            long nodes = collect(node, references);
            return new Subtree(nodes, references);
        });
    }

    /** Counts the objects (schemas, and the maps of schemas such as properties) of the subtree. */
    private long collect(JsonNode node, List<String> references) {
        long nodes = node.isObject() ? 1 : 0;
        if (node.isObject()) {
            JsonNode reference = node.get("$ref");
            if (reference != null && reference.isTextual()) {
                references.add(target(reference.asText()));
            }
        }
        for (JsonNode child : node) {
            nodes += collect(child, references);
        }
        return nodes;
    }

    private String target(String reference) {
        if (!reference.startsWith("#")) {
            throw invalid("schema may only refer within itself ($ref starting with #).");
        }
        String fragment = reference.substring(1);
        if (fragment.isEmpty() || fragment.startsWith("/")) {
            String pointer;
            try {
                // the fragment of a URI: percent-encoded, a plus sign is itself
                pointer = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException malformed) {
                throw invalid("schema refers to " + reference + ", which is not a JSON pointer.");
            }
            if (root.at(pointer).isMissingNode()) {
                throw invalid("schema refers to " + reference + ", which it does not have.");
            }
            return pointer;
        }
        String anchored = anchors.get(fragment);
        if (anchored == null) {
            throw invalid("schema refers to " + reference + ", which it does not have.");
        }
        return anchored;
    }

    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static DomainRuleViolation invalid(String message) {
        return new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "schema", message);
    }

    private record Subtree(long nodes, List<String> references) {
    }
}
