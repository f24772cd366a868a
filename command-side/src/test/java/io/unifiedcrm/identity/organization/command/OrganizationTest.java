package io.unifiedcrm.identity.organization.command;

import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent;
import io.unifiedcrm.identity.organization.api.ApiKeyRevokedEvent;
import io.unifiedcrm.identity.organization.api.ChangeOrganizationCommand;
import io.unifiedcrm.identity.organization.api.CreateOrganizationCommand;
import io.unifiedcrm.identity.organization.api.OrganizationRenamedEvent;
import io.unifiedcrm.identity.organization.api.OrganizationSettingsChangedEvent;
import io.unifiedcrm.identity.organization.api.IssueApiKeyCommand;
import io.unifiedcrm.identity.organization.api.RevokeApiKeyCommand;
import io.unifiedcrm.identity.organization.api.OrganizationCreatedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID API_KEY = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final String KEY_HASH = "a".repeat(64);

    private static final OrganizationCreatedEvent CREATED = new OrganizationCreatedEvent(ORGANIZATION, "Acme", "EUR");
    private static final ApiKeyIssuedEvent FIRST_KEY =
            new ApiKeyIssuedEvent(ORGANIZATION, API_KEY, KEY_HASH, ApiKeyAccess.ADMIN);

    private FixtureConfiguration<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    @Test
    void creatingAnOrganizationIssuesItsFirstApiKeyAndAnswersTheVersion() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganizationCommand(ORGANIZATION, "  Acme GmbH ", "eur", API_KEY, KEY_HASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new OrganizationCreatedEvent(ORGANIZATION, "Acme GmbH", "EUR"),
                        new ApiKeyIssuedEvent(ORGANIZATION, API_KEY, KEY_HASH, ApiKeyAccess.ADMIN))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anotherKeyCanBeIssued() {
        UUID second = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
        fixture.given(CREATED, FIRST_KEY)
                .when(new IssueApiKeyCommand(ORGANIZATION, second, KEY_HASH.replace('a', 'b'), ApiKeyAccess.READ_ONLY))
                .expectEvents(new ApiKeyIssuedEvent(ORGANIZATION, second, KEY_HASH.replace('a', 'b'),
                        ApiKeyAccess.READ_ONLY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aKeyWithoutAccessIsRejected() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new IssueApiKeyCommand(ORGANIZATION, UUID.randomUUID(), KEY_HASH, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anActiveKeyCanBeRevokedOnce() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new RevokeApiKeyCommand(ORGANIZATION, API_KEY))
                .expectEvents(new ApiKeyRevokedEvent(ORGANIZATION, API_KEY));
        fixture.given(CREATED, FIRST_KEY, new ApiKeyRevokedEvent(ORGANIZATION, API_KEY))
                .when(new RevokeApiKeyCommand(ORGANIZATION, API_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new RevokeApiKeyCommand(ORGANIZATION, UUID.randomUUID()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anOrganizationIsRenamedAndGetsSettings() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new ChangeOrganizationCommand(ORGANIZATION, "Acme Holding", Map.of("timezone", "Europe/Berlin"),
                        null))
                .expectEvents(new OrganizationRenamedEvent(ORGANIZATION, "Acme Holding"),
                        new OrganizationSettingsChangedEvent(ORGANIZATION, Map.of("timezone", "Europe/Berlin")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void changingNothingAppendsNothing() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new ChangeOrganizationCommand(ORGANIZATION, "Acme", null, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void settingsWithANulCharacterAreRejected() {
        fixture.given(CREATED, FIRST_KEY)
                .when(new ChangeOrganizationCommand(ORGANIZATION, null, Map.of("note", "a\u0000b"), null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aBlankNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganizationCommand(ORGANIZATION, "   ", "EUR", API_KEY, KEY_HASH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("name must not be blank.")
                .expectNoEvents();
    }

    @Test
    void aNameLongerThan200CharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganizationCommand(ORGANIZATION, "x".repeat(201), "EUR", API_KEY, KEY_HASH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownCurrencyIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganizationCommand(ORGANIZATION, "Acme", "XYZ", API_KEY, KEY_HASH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Not an ISO 4217 currency code, e.g. EUR.")
                .expectNoEvents();
    }
}
