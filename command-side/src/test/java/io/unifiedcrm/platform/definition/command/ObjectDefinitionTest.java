package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.platform.definition.api.AssociationDefinedEvent;
import io.unifiedcrm.platform.definition.api.ChangeObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.CreateObjectDefinitionCommand;
import io.unifiedcrm.platform.definition.api.DefineAssociationCommand;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionChangedEvent;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionCreatedEvent;
import io.unifiedcrm.platform.definition.api.ObjectSchemaChangedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectDefinitionTest {

    static final UUID DEFINITION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("plan"), "properties",
            Map.of("plan", Map.of("enum", List.of("basic", "pro")),
                    "seats", Map.of("type", "integer", "minimum", 1),
                    "renewsAt", Map.of("type", "string", "format", "date"),
                    "contractNumber", Map.of("type", "string")));
    static final ObjectDefinitionCreatedEvent SUBSCRIPTION_DEFINED = new ObjectDefinitionCreatedEvent(DEFINITION,
            ORGANIZATION, "subscription", "subscriptions", SCHEMA, "plan", null, null,
            List.of("duplicate_detection", "search"), "contractNumber", false);

    private FixtureConfiguration<ObjectDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ObjectDefinition.class);
    }

    private static CreateObjectDefinitionCommand define(String name, Map<String, Object> schema, String display) {
        return new CreateObjectDefinitionCommand(DEFINITION, ORGANIZATION, name, "subscriptions", schema, display,
                null, null, List.of("search", "duplicate_detection"), "contractNumber", false);
    }

    @Test
    void anObjectTypeIsDefinedWithItsSchemaAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(define("subscription", SCHEMA, "plan"))
                .expectEvents(SUBSCRIPTION_DEFINED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void aNameOutsideTheSyntaxIsRejected() {
        for (String name : new String[] {"Subscription", "1st", "with-dash", "a".repeat(64), ""}) {
            fixture.givenNoPriorActivity().when(define(name, SCHEMA, "plan"))
                    .expectException(violation(ErrorCode.INVALID_OBJECT_TYPE_NAME, "name")).expectNoEvents();
        }
    }

    @Test
    void aSchemaThatIsNoValidObjectSchemaIsRejected() {
        List<Map<String, Object>> invalid = List.of(
                Map.of("type", "array", "properties", Map.of("a", Map.of())),
                Map.of("type", "object"),
                Map.of("type", "object", "properties", Map.of("a", Map.of("type", "strnig"))),
                Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", "https://evil.example/s.json"))));
        for (Map<String, Object> schema : invalid) {
            fixture.givenNoPriorActivity().when(define("subscription", schema, "a"))
                    .expectException(errorCode(ErrorCode.INVALID_SCHEMA)).expectNoEvents();
        }
    }

    @Test
    void moreThanFiveHundredPropertiesAreRejected() {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i <= PropertySchema.MAX_PROPERTIES; i++) {
            properties.put("p" + i, Map.of("type", "string"));
        }
        fixture.givenNoPriorActivity()
                .when(define("subscription", Map.of("type", "object", "properties", properties), "p1"))
                .expectException(violation(ErrorCode.TOO_MANY_PROPERTIES, "schema")).expectNoEvents();
    }

    @Test
    void theDisplayAndUniquePropertiesMustBeInTheSchema() {
        fixture.givenNoPriorActivity().when(define("subscription", SCHEMA, "nickname"))
                .expectException(violation(ErrorCode.INVALID_SCHEMA, "displayProperty")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateObjectDefinitionCommand(DEFINITION, ORGANIZATION, "subscription", "subscriptions",
                        SCHEMA, "plan", null, null, List.of("duplicate_detection"), "serial", false))
                .expectException(violation(ErrorCode.INVALID_SCHEMA, "uniqueProperty")).expectNoEvents();
    }

    @Test
    void aNewSchemaIsTheNextVersionAndMustKeepTheUniqueProperty() {
        Map<String, Object> next = Map.of("type", "object", "properties", Map.of(
                "plan", Map.of("enum", List.of("basic", "pro", "enterprise")),
                "contractNumber", Map.of("type", "string")));
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new ChangeObjectDefinitionCommand(DEFINITION, ORGANIZATION, null, next, null, null, null, null,
                        null, null))
                .expectEvents(new ObjectSchemaChangedEvent(DEFINITION, ORGANIZATION, "subscription", 2, next));
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new ChangeObjectDefinitionCommand(DEFINITION, ORGANIZATION, null,
                        Map.of("type", "object", "properties", Map.of("plan", Map.of())), null, null, null, null,
                        null, null))
                .expectException(violation(ErrorCode.INVALID_SCHEMA, "schema")).expectNoEvents();
    }

    @Test
    void presentationChangesAreOneEventAndASystemTypeStaysActive() {
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new ChangeObjectDefinitionCommand(DEFINITION, ORGANIZATION, "Subscriptions", null, null,
                        "card", "#3366ff", null, false, null))
                .expectEvents(new ObjectDefinitionChangedEvent(DEFINITION, ORGANIZATION, "subscription",
                        "Subscriptions", "plan", "card", "#3366ff", List.of("duplicate_detection", "search"), false));
        fixture.given(new ObjectDefinitionCreatedEvent(DEFINITION, ORGANIZATION, "company", "companies", SCHEMA,
                        "plan", null, null, List.of(), null, true))
                .when(new ChangeObjectDefinitionCommand(DEFINITION, ORGANIZATION, null, null, null, null, null, null,
                        false, null))
                .expectException(violation(ErrorCode.SYSTEM_OBJECT_TYPE, "active")).expectNoEvents();
    }

    @Test
    void anAssociationIsDefinedOnceForAnExistingTargetType() {
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new DefineAssociationCommand(DEFINITION, ORGANIZATION, "company", true, "customer",
                        "subscription", 1))
                .expectEvents(new AssociationDefinedEvent(DEFINITION, ORGANIZATION, "subscription", "company",
                        "customer", "subscription", 1));
        AssociationDefinedEvent defined = new AssociationDefinedEvent(DEFINITION, ORGANIZATION, "subscription",
                "company", "customer", "subscription", 1);
        fixture.given(SUBSCRIPTION_DEFINED, defined)
                .when(new DefineAssociationCommand(DEFINITION, ORGANIZATION, "company", true, "customer",
                        "subscription", 1))
                .expectNoEvents();
        fixture.given(SUBSCRIPTION_DEFINED, defined)
                .when(new DefineAssociationCommand(DEFINITION, ORGANIZATION, "contact", true, "customer",
                        "subscription", null))
                .expectException(violation(ErrorCode.INVALID_SCHEMA, "label")).expectNoEvents();
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new DefineAssociationCommand(DEFINITION, ORGANIZATION, "vehicle", false, "car", "owner", null))
                .expectException(violation(ErrorCode.UNKNOWN_OBJECT_TYPE, "toObjectType")).expectNoEvents();
    }

    @Test
    void anotherOrganizationCannotChangeTheType() {
        fixture.given(SUBSCRIPTION_DEFINED)
                .when(new ChangeObjectDefinitionCommand(DEFINITION, OTHER_ORGANIZATION, "x", null, null, null, null,
                        null, null, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }

    static Matcher<Throwable> errorCode(ErrorCode code) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code);
    }
}
