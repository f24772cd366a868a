package io.unifiedcrm.platform.definition.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of an object type's properties, checked when it is defined: a JSON object of type
 * object with {@code properties} (at most {@value #MAX_PROPERTIES}), itself valid against the draft 2020-12
 * meta-schema, of a shape whose validation costs a bounded amount ({@link SchemaShape}: referring only within
 * itself and never in a cycle, nothing is fetched). Compiled, it validates records' properties with format
 * assertions on (a {@code "format": "date"} is checked) within a budget of time and errors per validation
 * ({@link ValidationBudget}), regular-expression matches included.
 */
public final class PropertySchema {

    public static final int MAX_PROPERTIES = 500;
    static final int MAX_REPORTED_VIOLATIONS = 100;
    private static final int MAX_SCHEMA_CHARACTERS = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true)
                            .regularExpressionFactory(new BoundedRegularExpressions(Duration.ofMillis(50)))
                            .build()));
    private static final ExecutionConfig EXECUTION = ExecutionConfig.builder().formatAssertionsEnabled(true).build();
    private static final Schema META_SCHEMA = REGISTRY.getSchema(
            SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private final Map<String, Object> document;
    private final Schema compiled;

    private PropertySchema(Map<String, Object> document, Schema compiled) {
        this.document = document;
        this.compiled = compiled;
    }

    /** @throws DomainRuleViolation {@code invalid_schema} or {@code too_many_properties} naming what is wrong */
    public static PropertySchema of(Map<String, Object> document) {
        if (document == null) {
            throw invalid("schema is required: a JSON Schema object with properties.");
        }
        JsonNode node = JSON.valueToTree(document);
        if (node.toString().length() > MAX_SCHEMA_CHARACTERS) {
            throw invalid("schema may have at most " + MAX_SCHEMA_CHARACTERS + " characters.");
        }
        if (node.has("type") && !"object".equals(node.get("type").asText())) {
            throw invalid("schema must describe an object (type object).");
        }
        if (!node.path("properties").isObject() || node.get("properties").isEmpty()) {
            throw invalid("schema must have properties.");
        }
        if (node.get("properties").size() > MAX_PROPERTIES) {
            throw new DomainRuleViolation(ErrorCode.TOO_MANY_PROPERTIES, "schema",
                    "An object type has at most " + MAX_PROPERTIES + " properties.");
        }
        SchemaShape.check(node);
        List<Error> metaErrors = META_SCHEMA.validate(node);
        if (!metaErrors.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "schema is not a valid JSON Schema (2020-12).",
                    violations("/schema", metaErrors));
        }
        try {
            Schema compiled = REGISTRY.getSchema(node);
            compiled.initializeValidators();
            return new PropertySchema(document, compiled);
        } catch (RuntimeException unusable) {
            // e.g. an unknown $schema dialect or a $ref to a definition the schema does not have
            throw invalid("schema cannot be used: " + unusable.getMessage());
        }
    }

    /**
     * A schema from an event: it was checked when the event was applied, so it is only compiled (event sourcing
     * the aggregate does not run the meta-schema again).
     */
    public static PropertySchema stored(Map<String, Object> document) {
        Schema compiled = REGISTRY.getSchema(JSON.valueToTree(document));
        compiled.initializeValidators();
        return new PropertySchema(document, compiled);
    }

    public Map<String, Object> document() {
        return document;
    }

    public Set<String> propertyNames() {
        return ((Map<?, ?>) document.get("properties")).keySet().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Two schemas are the same when their documents are; the compiled form is derived from the document. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PropertySchema schema && schema.document.equals(document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    /**
     * Every way {@code properties} break the schema (the first {@value #MAX_REPORTED_VIOLATIONS}), each located by a
     * JSON pointer under {@code /properties}.
     *
     * @throws DomainRuleViolation {@code validation_too_costly} when the validation exceeds its budget
     *                             ({@link ValidationBudget}): the properties are refused
     */
    public List<DomainRuleViolation.Violation> violationsOf(Map<String, Object> properties) {
        JsonNode instance = JSON.valueToTree(properties);
        try {
            List<Error> errors = ValidationBudget.spend(EXECUTION, budget -> compiled.validate(budget, instance,
                    OutputFormat.DEFAULT, (context, schemaContext) -> { }));
            List<DomainRuleViolation.Violation> violations = violations("/properties", errors);
            return violations.size() > MAX_REPORTED_VIOLATIONS
                    ? violations.subList(0, MAX_REPORTED_VIOLATIONS) : violations;
        } catch (ValidationBudget.Exhausted exhausted) {
            throw new DomainRuleViolation(ErrorCode.VALIDATION_TOO_COSTLY, "properties",
                    "Checking these properties against the object type's schema took more than "
                            + ValidationBudget.TIME.toMillis() + " ms or found more than " + ValidationBudget.ERRORS
                            + " errors; the properties are refused. Simplify the schema or the values.");
        }
    }

    private static List<DomainRuleViolation.Violation> violations(String prefix, Collection<Error> errors) {
        List<DomainRuleViolation.Violation> violations = new ArrayList<>();
        for (Error error : errors) {
            String location = error.getInstanceLocation().toString();
            String pointer = prefix + (location.equals("/") || location.isEmpty() ? "" : location);
            if (error.getProperty() != null && "required".equals(error.getKeyword())) {
                pointer = pointer + "/" + error.getProperty();
            }
            violations.add(new DomainRuleViolation.Violation(pointer, error.getMessage()));
        }
        return violations;
    }

    private static DomainRuleViolation invalid(String message) {
        return new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "schema", message);
    }
}
