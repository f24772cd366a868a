package io.unifiedcrm.platform.definition.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PropertySchemaTest {

    private static final PropertySchema CODES = PropertySchema.of(Map.of("type", "object", "properties",
            Map.of("code", Map.of("type", "string", "pattern", "^(a|a)*\\1$"))));

    @Test
    void aPatternIsAppliedToTheValue() {
        assertThat(CODES.violationsOf(Map.of("code", "aaaa"))).isEmpty();
        assertThat(CODES.violationsOf(Map.of("code", "abc"))).extracting(violation -> violation.pointer())
                .containsExactly("/properties/code");
    }

    // a safety net, not a speed measurement: without the budget this value takes longer than anyone waits
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCatastrophicallyBacktrackingPatternRefusesTheValueInsteadOfHoldingTheThread() {
        assertThatThrownBy(() -> CODES.violationsOf(Map.of("code", "a".repeat(40) + "b")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.errorCode())
                        .isEqualTo(ErrorCode.VALIDATION_TOO_COSTLY));
        // the JDK's matcher recurses per repetition: a long value runs out of stack first, and does not match
        assertThat(CODES.violationsOf(Map.of("code", "a".repeat(5_000) + "b")))
                .extracting(violation -> violation.pointer()).containsExactly("/properties/code");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theTimeBudgetIsTheWholeValidationsNotEachMatchs() {
        PropertySchema anyCode = PropertySchema.of(Map.of("type", "object", "properties", Map.of("name",
                Map.of("type", "string")), "patternProperties", Map.of("^c", Map.of("pattern", "^(a|a)*\\1$"))));
        Map<String, Object> codes = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            // each match alone backtracks for about the old per-match budget of 50 ms (the JDK's matcher does not
            // memoize a loop whose group a backreference uses)
            codes.put("c" + i, "a".repeat(20) + "b");
        }

        assertThatThrownBy(() -> anyCode.violationsOf(codes)).isInstanceOfSatisfying(DomainRuleViolation.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_TOO_COSTLY));
    }

    @Test
    void aSchemaOfNestedAnyOfReferringToItselfIsRefusedWhenDefined() {
        // about 200 bytes that once made one record's validation run for minutes and fill the heap
        Map<String, Object> attack = Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", "#/$defs/x")),
                "$defs", Map.of("x", Map.of("anyOf", List.of(
                        Map.of("anyOf", List.of(Map.of("$ref", "#/$defs/x"), Map.of("$ref", "#/$defs/x"))),
                        Map.of("anyOf", List.of(Map.of("$ref", "#/$defs/x"), Map.of("type", "string")))))));

        assertRefused(attack, "cycle");
    }

    @Test
    void aSchemaReferringToItselfIsRefusedWhenDefined() {
        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string")),
                "allOf", List.of(Map.of("$ref", "#"))), "cycle");
        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", "#"))), "cycle");
        assertRefused(Map.of("type", "object", "properties", Map.of("tree", Map.of("type", "array",
                "items", Map.of("$ref", "#/properties/tree")))), "cycle");
        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", "#node")),
                "$defs", Map.of("n", Map.of("$anchor", "node", "not", Map.of("$ref", "#node")))), "cycle");
    }

    @Test
    void referencesThatMultiplyTheSchemaBeyondItsBoundAreRefused() {
        // each definition refers to the one before twice: 2^20 nodes once the references are expanded
        Map<String, Object> definitions = new HashMap<>();
        definitions.put("d0", Map.of("type", "string"));
        for (int i = 1; i <= 20; i++) {
            definitions.put("d" + i, Map.of("allOf", List.of(Map.of("$ref", "#/$defs/d" + (i - 1)),
                    Map.of("$ref", "#/$defs/d" + (i - 1)))));
        }

        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", "#/$defs/d20")),
                "$defs", definitions), "at most " + SchemaShape.MAX_EXPANDED_NODES);
    }

    @Test
    void deepNestingAndWideCombinatorsAreRefused() {
        Map<String, Object> deep = Map.of("type", "string");
        for (int i = 0; i < SchemaShape.MAX_DEPTH; i++) {
            deep = Map.of("not", deep);
        }
        assertRefused(Map.of("type", "object", "properties", Map.of("a", deep)), "levels deep");

        List<Object> branches = new ArrayList<>();
        for (int i = 0; i <= SchemaShape.MAX_BRANCHES; i++) {
            branches.add(Map.of("const", i));
        }
        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("anyOf", branches))), "anyOf");
        assertRefused(Map.of("type", "object", "properties", Map.of("a", Map.of("$dynamicRef", "#x"))),
                "$dynamicRef");
    }

    @Test
    void aReferenceWithoutCycleToADefinitionOrAnAnchorIsAccepted() {
        PropertySchema schema = PropertySchema.of(Map.of("type", "object", "properties", Map.of(
                "home", Map.of("$ref", "#/$defs/address"), "work", Map.of("$ref", "#office")),
                "$defs", Map.of("address", Map.of("type", "object", "required", List.of("city"),
                        "properties", Map.of("city", Map.of("type", "string"))),
                        "office", Map.of("$anchor", "office", "$ref", "#/$defs/address"))));

        assertThat(schema.violationsOf(Map.of("home", Map.of("city", "Graz"), "work", Map.of()))).extracting(
                violation -> violation.pointer()).containsExactly("/properties/work/city");
    }

    @Test
    void aSelfReferencingSchemaStoredBeforeTheCheckRefusesRecordsWithACodeInsteadOfOverflowing() {
        PropertySchema stored = PropertySchema.stored(Map.of("type", "object", "properties", Map.of("a",
                Map.of("type", "string")), "allOf", List.of(Map.of("$ref", "#"))));

        assertThatThrownBy(() -> stored.violationsOf(Map.of("a", Map.of("a", 1)))).isInstanceOfSatisfying(
                DomainRuleViolation.class, refused -> assertThat(refused.errorCode())
                        .isEqualTo(ErrorCode.VALIDATION_TOO_COSTLY));
    }

    @Test
    void atMostAHundredViolationsAreReportedAndTensOfThousandsOfErrorsEndTheValidation() {
        PropertySchema numbers = PropertySchema.of(Map.of("type", "object", "properties", Map.of("n",
                Map.of("type", "array", "items", Map.of("type", "integer")))));

        assertThat(numbers.violationsOf(Map.of("n", Collections.nCopies(500, "x"))))
                .hasSize(PropertySchema.MAX_REPORTED_VIOLATIONS);
        assertThatThrownBy(() -> numbers.violationsOf(Map.of("n", Collections.nCopies(ValidationBudget.ERRORS + 1,
                "x")))).isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.errorCode())
                .isEqualTo(ErrorCode.VALIDATION_TOO_COSTLY));
    }

    private static void assertRefused(Map<String, Object> schema, String saying) {
        assertThatThrownBy(() -> PropertySchema.of(schema)).isInstanceOfSatisfying(DomainRuleViolation.class,
                refused -> {
                    assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(refused.getMessage()).contains(saying);
                });
    }
}
