package io.unifiedcrm.platform.record.command;

import io.unifiedcrm.platform.definition.command.AssociationRule;
import io.unifiedcrm.platform.definition.command.ObjectTypeRules;
import io.unifiedcrm.platform.definition.command.ObjectTypes;
import io.unifiedcrm.platform.definition.command.PropertySchema;
import io.unifiedcrm.platform.record.api.ArchiveRecordCommand;
import io.unifiedcrm.platform.record.api.AssociateRecordsCommand;
import io.unifiedcrm.platform.record.api.CreateRecordCommand;
import io.unifiedcrm.platform.record.api.DeleteRecordCommand;
import io.unifiedcrm.platform.record.api.DissociateRecordsCommand;
import io.unifiedcrm.platform.record.api.RecordArchivedEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordRestoredEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.platform.record.api.RecordsAssociatedEvent;
import io.unifiedcrm.platform.record.api.RecordsDissociatedEvent;
import io.unifiedcrm.platform.record.api.RestoreRecordCommand;
import io.unifiedcrm.platform.record.api.UpdateRecordCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

class PlatformRecordTest {

    private static final UUID RECORD = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    private static final UUID OTHER_COMPANY = UUID.fromString("00000000-0000-0000-0000-0000000000f3");
    private static final UUID DEFINITION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final PropertySchema SCHEMA = PropertySchema.of(Map.of("type", "object", "required",
            List.of("plan"), "properties", Map.of(
                    "plan", Map.of("enum", List.of("basic", "pro")),
                    "seats", Map.of("type", "integer", "minimum", 1),
                    "renewsAt", Map.of("type", "string", "format", "date"),
                    "contractNumber", Map.of("type", "string"),
                    "notes", Map.of("type", "string"))));
    private static final Map<String, Object> PRO = Map.of("plan", "pro", "seats", 12, "contractNumber", " C-1 ");
    private static final RecordCreatedEvent CREATED = new RecordCreatedEvent(RECORD, ORGANIZATION, "subscription",
            DEFINITION, 1, PRO, "pro", null, null, null, "c-1");

    private final Map<String, ObjectTypeRules> types = new HashMap<>();
    private FixtureConfiguration<PlatformRecord> fixture;

    @BeforeEach
    void setUp() {
        types.put("subscription", rules(1, true, 1));
        fixture = new AggregateTestFixture<>(PlatformRecord.class);
        fixture.registerInjectableResource(new ObjectTypes(null, null) {
            @Override
            public ObjectTypeRules rulesOf(UUID organizationId, String objectType) {
                ObjectTypeRules rules = types.get(objectType);
                if (rules == null || !organizationId.equals(ORGANIZATION)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_OBJECT_TYPE, "objectType", "unknown");
                }
                return rules;
            }
        });
    }

    private static ObjectTypeRules rules(int schemaVersion, boolean active, Integer maxCustomers) {
        return new ObjectTypeRules(DEFINITION, "subscription", schemaVersion, SCHEMA, "plan", "contractNumber", active,
                Map.of("customer", new AssociationRule("company", "customer", "subscription", maxCustomers)));
    }

    private static CreateRecordCommand create(Map<String, Object> properties) {
        return new CreateRecordCommand(RECORD, ORGANIZATION, "subscription", properties, null, false, null, null);
    }

    @Test
    void aValidRecordIsCreatedWithItsSchemaVersionDisplayNameAndUniqueValue() {
        fixture.givenNoPriorActivity().when(create(PRO)).expectEvents(CREATED).expectResultMessagePayload(0L);
    }

    @Test
    void everySchemaViolationIsReportedWithItsPointer() {
        fixture.givenNoPriorActivity()
                .when(create(Map.of("plan", "gold", "seats", 0, "renewsAt", "next week")))
                .expectException(Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                        && violation.errorCode() == ErrorCode.INVALID_PROPERTIES
                        && violation.violations().stream().map(DomainRuleViolation.Violation::pointer).toList()
                        .containsAll(List.of("/properties/plan", "/properties/seats", "/properties/renewsAt"))))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(create(Map.of("seats", 3)))
                .expectException(Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                        && violation.violations().stream().anyMatch(v -> v.pointer().equals("/properties/plan"))))
                .expectNoEvents();
    }

    @Test
    void tooLargePropertiesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(create(Map.of("plan", "pro", "notes", "x".repeat(RecordProperties.MAX_VALUE_BYTES))))
                .expectException(violation(ErrorCode.VALUE_TOO_LARGE, "properties.notes")).expectNoEvents();
        Map<String, Object> huge = new LinkedHashMap<>(Map.of("plan", "pro"));
        for (int i = 0; i < 5; i++) {
            huge.put("extra" + i, "y".repeat(60_000));
        }
        fixture.givenNoPriorActivity().when(create(huge))
                .expectException(violation(ErrorCode.PROPERTIES_TOO_LARGE, "properties")).expectNoEvents();
    }

    @Test
    void anInactiveOrUnknownTypeTakesNoRecordsNorAnUnknownPerson() {
        types.put("subscription", rules(1, false, 1));
        fixture.givenNoPriorActivity().when(create(PRO))
                .expectException(violation(ErrorCode.OBJECT_TYPE_INACTIVE, "objectType")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateRecordCommand(RECORD, ORGANIZATION, "vehicle", PRO, null, false, null, null))
                .expectException(violation(ErrorCode.UNKNOWN_OBJECT_TYPE, "objectType")).expectNoEvents();
        types.put("subscription", rules(1, true, 1));
        fixture.givenNoPriorActivity()
                .when(new CreateRecordCommand(RECORD, ORGANIZATION, "subscription", PRO, UUID.randomUUID(), false,
                        null, null))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON, "personId")).expectNoEvents();
    }

    @Test
    void anUpdateIsAMergePatchValidatedAgainstTheSchemaInForce() {
        types.put("subscription", rules(2, true, 1));
        fixture.given(CREATED)
                .when(new UpdateRecordCommand(RECORD, ORGANIZATION, new HashMap<>(java.util.Collections
                        .singletonMap("seats", null)), null))
                .expectEvents(new RecordUpdatedEvent(RECORD, ORGANIZATION, "subscription", 2,
                        Map.of("plan", "pro", "contractNumber", " C-1 "), "pro", "c-1", "c-1"));
        fixture.given(CREATED)
                .when(new UpdateRecordCommand(RECORD, ORGANIZATION, Map.of("seats", -1), null))
                .expectException(violation(ErrorCode.INVALID_PROPERTIES, null)).expectNoEvents();
    }

    @Test
    void anArchivedRecordTakesNoChangesUntilRestored() {
        fixture.given(CREATED).when(new ArchiveRecordCommand(RECORD, ORGANIZATION, null))
                .expectEvents(new RecordArchivedEvent(RECORD, ORGANIZATION));
        fixture.given(CREATED, new RecordArchivedEvent(RECORD, ORGANIZATION))
                .when(new UpdateRecordCommand(RECORD, ORGANIZATION, Map.of("seats", 3), null))
                .expectException(violation(ErrorCode.RECORD_ARCHIVED, null)).expectNoEvents();
        fixture.given(CREATED, new RecordArchivedEvent(RECORD, ORGANIZATION))
                .when(new RestoreRecordCommand(RECORD, ORGANIZATION, null))
                .expectEvents(new RecordRestoredEvent(RECORD, ORGANIZATION));
    }

    @Test
    void aDeletedOrForeignRecordIsNotFound() {
        fixture.given(CREATED).when(new DeleteRecordCommand(RECORD, ORGANIZATION, null))
                .expectEvents(new RecordDeletedEvent(RECORD, ORGANIZATION, "subscription", "c-1"));
        fixture.given(CREATED, new RecordDeletedEvent(RECORD, ORGANIZATION, "subscription", "c-1"))
                .when(new UpdateRecordCommand(RECORD, ORGANIZATION, Map.of("seats", 3), null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
        fixture.given(CREATED).when(new ArchiveRecordCommand(RECORD, OTHER_ORGANIZATION, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void anAssociationNeedsADefinedLabelAnExistingTargetAndRespectsTheLimit() {
        fixture.given(CREATED)
                .when(new AssociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, "company", "customer"))
                .expectEvents(new RecordsAssociatedEvent(RECORD, ORGANIZATION, "subscription", COMPANY, "company",
                        "customer", "subscription"));
        RecordsAssociatedEvent associated = new RecordsAssociatedEvent(RECORD, ORGANIZATION, "subscription", COMPANY,
                "company", "customer", "subscription");
        fixture.given(CREATED, associated)
                .when(new AssociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, "company", "customer"))
                .expectNoEvents();
        fixture.given(CREATED, associated)
                .when(new AssociateRecordsCommand(RECORD, ORGANIZATION, OTHER_COMPANY, "company", "customer"))
                .expectException(violation(ErrorCode.ASSOCIATION_LIMIT_REACHED, "label")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AssociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, "company", "supplier"))
                .expectException(violation(ErrorCode.UNKNOWN_ASSOCIATION, "label")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AssociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, null, "customer"))
                .expectException(violation(ErrorCode.UNKNOWN_RECORD, "toRecordId")).expectNoEvents();
    }

    @Test
    void dissociatingRemovesAnExistingAssociationOnly() {
        RecordsAssociatedEvent associated = new RecordsAssociatedEvent(RECORD, ORGANIZATION, "subscription", COMPANY,
                "company", "customer", "subscription");
        fixture.given(CREATED, associated)
                .when(new DissociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, "customer"))
                .expectEvents(new RecordsDissociatedEvent(RECORD, ORGANIZATION, COMPANY, "customer"));
        fixture.given(CREATED)
                .when(new DissociateRecordsCommand(RECORD, ORGANIZATION, COMPANY, "customer"))
                .expectNoEvents();
    }

    private static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
