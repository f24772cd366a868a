package io.unifiedcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Value objects validate themselves and answer a violation naming the field. */
class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+crm@mail.example.co.uk", "o'brien@example.ie"})
    void validEmailAddressesAreKeptAsTyped(String email) {
        assertThat(EmailAddress.of(" " + email + " ").value()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada @example.com",
            ".ada@example.com", "ada..l@example.com", "ada@-example.com"})
    void invalidEmailAddressesAreRejected(String email) {
        assertThatThrownBy(() -> EmailAddress.of(email))
                .isInstanceOfSatisfying(DomainRuleViolation.class, violation -> {
                    assertThat(violation.errorCode()).isEqualTo(ErrorCode.INVALID_EMAIL);
                    assertThat(violation.field()).isEqualTo("email");
                });
    }

    @Test
    void emailAddressesCompareCaseInsensitively() {
        assertThat(EmailAddress.of("Ada@Example.COM").canonical()).isEqualTo("ada@example.com");
    }

    @Test
    void phoneNumbersAreNormalisedToE164() {
        assertThat(PhoneNumber.of("+44 (20) 7946-0958").value()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.of("0049 30 123456").value()).isEqualTo("+4930123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "030 123456", "+0123456789", "+1234", "+1234567890123456", "+49 30 CALL ME"})
    void phoneNumbersNotInInternationalFormAreRejected(String phone) {
        assertThatThrownBy(() -> PhoneNumber.of(phone))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        violation -> assertThat(violation.errorCode()).isEqualTo(ErrorCode.INVALID_PHONE));
    }

    @Test
    void currencyCodesAreIso4217() {
        assertThat(CurrencyCode.of(" eur ").value()).isEqualTo("EUR");
        for (String unknown : new String[] {"XYZ", "EURO", "", "E1R"}) {
            assertThatThrownBy(() -> CurrencyCode.of(unknown)).as(unknown)
                    .isInstanceOfSatisfying(DomainRuleViolation.class,
                            violation -> assertThat(violation.errorCode()).isEqualTo(ErrorCode.UNKNOWN_CURRENCY));
        }
    }

    @Test
    void requiredTextIsTrimmedAndBounded() {
        assertThat(RequiredText.of("firstName", "  Ada ", 10).value()).isEqualTo("Ada");
        assertThat(RequiredText.of("firstName", "Zoë😀", 4).value()).isEqualTo("Zoë😀");
        assertThatThrownBy(() -> RequiredText.of("firstName", " \t ", 10))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("firstName"));
        assertThatThrownBy(() -> RequiredText.of("firstName", "x".repeat(11), 10))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void sourcesUseTheirLowerCaseCodes() {
        assertThat(PersonSource.of("lead_form")).isEqualTo(PersonSource.LEAD_FORM);
        assertThat(PersonSource.CHECKOUT.code()).isEqualTo("checkout");
        assertThatThrownBy(() -> PersonSource.of("LEAD_FORM")).isInstanceOf(DomainRuleViolation.class);
    }
}
