package io.unifiedcrm.address.command;

import io.unifiedcrm.address.api.AddAddressCommand;
import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressMadeDefaultEvent;
import io.unifiedcrm.address.api.AddressRemovedEvent;
import io.unifiedcrm.address.api.ChangeAddressCommand;
import io.unifiedcrm.address.api.MakeAddressDefaultCommand;
import io.unifiedcrm.address.api.PostalAddress;
import io.unifiedcrm.address.api.RemoveAddressCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressTest {

    private static final UUID ADDRESS = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final PostalAddress BERLIN = new PostalAddress(List.of("Unter den Linden 1"), "Berlin", null,
            "10117", "Germany", "DE", null, null, null);
    private static final AddressAddedEvent ADDED = new AddressAddedEvent(ADDRESS, ORGANIZATION, "person", PERSON,
            "shipping", BERLIN);

    private FixtureConfiguration<Address> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Address.class);
    }

    private static AddAddressCommand add(boolean ownerExists, String entityType, String type, String countryCode,
                                         boolean makeDefault) {
        return new AddAddressCommand(ADDRESS, ORGANIZATION, entityType, PERSON, ownerExists, type,
                new PostalAddress(List.of(" Unter den Linden 1 ", " "), " Berlin ", null, "10117", null, countryCode,
                        null, null, null), makeDefault);
    }

    private static ChangeAddressCommand change(UUID organization, String type, String city, Long expectedVersion) {
        return new ChangeAddressCommand(ADDRESS, organization, type, new PostalAddress(List.of("Unter den Linden 1"),
                city, null, "10117", "Germany", "DE", null, null, null), expectedVersion);
    }

    @Test
    void anAddressIsAddedNormalisedAndNamedFromItsCountryCode() {
        fixture.givenNoPriorActivity()
                .when(add(true, "person", "shipping", "de", false))
                .expectEvents(ADDED)
                .expectResultMessagePayload(0L);
    }

    @Test
    void addingItAsDefaultIsASecondEvent() {
        fixture.givenNoPriorActivity()
                .when(add(true, "person", "shipping", "DE", true))
                .expectEvents(ADDED, new AddressMadeDefaultEvent(ADDRESS, ORGANIZATION, "person", PERSON, "shipping"));
    }

    @Test
    void anUnknownOwnerTypeOwnerAddressTypeOrCountryIsRejected() {
        fixture.givenNoPriorActivity().when(add(true, "planet", "shipping", "DE", false))
                .expectException(violation(ErrorCode.UNKNOWN_ENTITY_TYPE, "entityType")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add(false, "person", "shipping", "DE", false))
                .expectException(violation(ErrorCode.UNKNOWN_OWNER, "entityId")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add(true, "person", "office", "DE", false))
                .expectException(violation(ErrorCode.UNKNOWN_ADDRESS_TYPE, "type")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add(true, "person", "shipping", "XX", false))
                .expectException(violation(ErrorCode.UNKNOWN_COUNTRY, "countryCode")).expectNoEvents();
    }

    @Test
    void coordinatesComeInPairsWithinRange() {
        fixture.givenNoPriorActivity()
                .when(new AddAddressCommand(ADDRESS, ORGANIZATION, "person", PERSON, true, "home", new PostalAddress(
                        List.of("1 Road"), "Town", null, null, null, "GB", null, BigDecimal.valueOf(51.5), null),
                        false))
                .expectException(violation(ErrorCode.INVALID_ADDRESS, "latitude")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AddAddressCommand(ADDRESS, ORGANIZATION, "person", PERSON, true, "home", new PostalAddress(
                        List.of("1 Road"), "Town", null, null, null, "GB", null, BigDecimal.valueOf(51.5),
                        BigDecimal.valueOf(181)), false))
                .expectException(violation(ErrorCode.INVALID_ADDRESS, "latitude")).expectNoEvents();
    }

    @Test
    void aChangeIsAnEventOnlyIfSomethingDiffers() {
        fixture.given(ADDED)
                .when(change(ORGANIZATION, "home", "Potsdam", 0L))
                .expectEvents(new AddressChangedEvent(ADDRESS, ORGANIZATION, "person", PERSON, "home",
                        new PostalAddress(List.of("Unter den Linden 1"), "Potsdam", null, "10117", "Germany", "DE",
                                null, null, null)));
        fixture.given(ADDED)
                .when(change(ORGANIZATION, "shipping", "Berlin", null))
                .expectNoEvents();
    }

    @Test
    void makingItDefaultAndRemovingItAreEvents() {
        fixture.given(ADDED)
                .when(new MakeAddressDefaultCommand(ADDRESS, ORGANIZATION))
                .expectEvents(new AddressMadeDefaultEvent(ADDRESS, ORGANIZATION, "person", PERSON, "shipping"));
        fixture.given(ADDED)
                .when(new RemoveAddressCommand(ADDRESS, ORGANIZATION, null))
                .expectEvents(new AddressRemovedEvent(ADDRESS, ORGANIZATION, "person", PERSON));
    }

    @Test
    void aRemovedOrForeignAddressIsNotFound() {
        AddressRemovedEvent removed = new AddressRemovedEvent(ADDRESS, ORGANIZATION, "person", PERSON);
        for (Object command : List.of(change(ORGANIZATION, "home", "Potsdam", null),
                new MakeAddressDefaultCommand(ADDRESS, ORGANIZATION), new RemoveAddressCommand(ADDRESS, ORGANIZATION,
                        null))) {
            fixture.given(ADDED, removed).when(command)
                    .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
        }
        fixture.given(ADDED).when(change(OTHER_ORGANIZATION, "home", "Potsdam", null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    private static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
