package io.unifiedcrm.search.projection;

import io.unifiedcrm.identity.person.api.PersonCreatedEvent;
import io.unifiedcrm.identity.person.api.PersonEmailChangedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedEvent;
import io.unifiedcrm.identity.person.api.PersonMergedIntoEvent;
import io.unifiedcrm.identity.person.api.PersonNameChangedEvent;
import io.unifiedcrm.identity.person.api.PersonPhoneChangedEvent;
import io.unifiedcrm.identity.person.api.PersonProfile;
import io.unifiedcrm.identity.person.api.PersonProfileChangedEvent;
import io.unifiedcrm.identity.person.api.PersonRestoredFromMergeEvent;
import io.unifiedcrm.identity.person.api.PersonUnmergedEvent;
import io.unifiedcrm.search.api.SearchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Persons' search documents, from the Person's events alone: found by name, e-mail addresses (the primary one and
 * those of persons merged into it) and phone. A person merged into another is not found (status {@code merged}): its
 * e-mail addresses are the survivor's secondary ones, so a search for them finds the survivor. Unmerged, it is found
 * again.
 */
@Component
@ProcessingGroup(SearchProcessingGroup.NAME)
class PersonSearchProjection {

    private final SearchDocuments documents;

    PersonSearchProjection(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(PersonCreatedEvent event, @SequenceNumber long sequenceNumber) {
        documents.insertIfAbsent(new PersonSource(event.email(), List.of(), event.phone(), event.firstName(),
                event.lastName(), null, null, false).document(event.personId(), event.organizationId(),
                sequenceNumber));
    }

    @EventHandler
    void on(PersonNameChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withNames(event.firstName(), event.lastName(),
                person.middleName(), person.displayName()));
    }

    @EventHandler
    void on(PersonProfileChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withNames(event.firstName(), event.lastName(),
                event.middleName(), event.displayName()));
    }

    @EventHandler
    void on(PersonEmailChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withEmail(event.email()));
    }

    @EventHandler
    void on(PersonPhoneChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withPhone(event.phone()));
    }

    @EventHandler
    void on(PersonMergedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withProfile(event.profile()));
    }

    @EventHandler
    void on(PersonUnmergedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withProfile(event.profile()));
    }

    @EventHandler
    void on(PersonMergedIntoEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withMerged(true));
    }

    @EventHandler
    void on(PersonRestoredFromMergeEvent event, @SequenceNumber long sequenceNumber) {
        change(event.personId(), sequenceNumber, person -> person.withMerged(false));
    }

    @ResetHandler
    void reset() {
        documents.deleteAll(SearchType.PERSON);
    }

    private void change(UUID personId, long sequenceNumber, UnaryOperator<PersonSource> change) {
        documents.find(personId, SearchType.PERSON).filter(stored -> stored.version() < sequenceNumber)
                .ifPresent(stored -> documents.update(change.apply(stored.source(PersonSource.class))
                        .document(personId, stored.organizationId(), sequenceNumber)));
    }

    /** What a person's document is built from. */
    record PersonSource(String email, List<String> secondaryEmails, String phone, String firstName, String lastName,
                        String middleName, String displayName, boolean merged) {

        PersonSource {
            secondaryEmails = secondaryEmails == null ? List.of() : List.copyOf(secondaryEmails);
        }

        PersonSource withNames(String first, String last, String middle, String display) {
            return new PersonSource(email, secondaryEmails, phone, first, last, middle, display, merged);
        }

        /** As the Person does: a secondary address that becomes the primary one is no longer a secondary one. */
        PersonSource withEmail(String newEmail) {
            String canonical = newEmail.toLowerCase(Locale.ROOT);
            return new PersonSource(newEmail, secondaryEmails.stream()
                    .filter(address -> !address.toLowerCase(Locale.ROOT).equals(canonical)).toList(), phone,
                    firstName, lastName, middleName, displayName, merged);
        }

        PersonSource withPhone(String newPhone) {
            return new PersonSource(email, secondaryEmails, newPhone, firstName, lastName, middleName, displayName,
                    merged);
        }

        PersonSource withProfile(PersonProfile profile) {
            return new PersonSource(profile.email(), profile.secondaryEmails(), profile.phone(), profile.firstName(),
                    profile.lastName(), profile.middleName(), profile.displayName(), merged);
        }

        PersonSource withMerged(boolean isMerged) {
            return new PersonSource(email, secondaryEmails, phone, firstName, lastName, middleName, displayName,
                    isMerged);
        }

        /**
         * Title: the display name, else the names; subtitle: the e-mail address. Weight A: names and the primary
         * address; B: the secondary addresses and the phone number (also as digits only, so that a search without
         * the + finds it by prefix).
         */
        SearchDocument document(UUID personId, UUID organizationId, long version) {
            String name = SearchDocument.joined(firstName, middleName, lastName);
            String display = displayName == null || displayName.isBlank() ? null : displayName.strip();
            boolean ownDisplayName = display != null && !display.equals(name);
            List<SearchField> fields = new ArrayList<>();
            SearchField.addTo(fields, SearchField.a("name", name));
            if (ownDisplayName) {
                SearchField.addTo(fields, SearchField.a("displayName", display));
            }
            SearchField.addTo(fields, SearchField.a("email", email));
            secondaryEmails.forEach(address -> SearchField.addTo(fields, SearchField.b("secondaryEmails", address)));
            SearchField.addTo(fields, SearchField.b("phone", phone));
            if (phone != null && phone.startsWith("+")) {
                SearchField.addTo(fields, SearchField.b("phone", phone.substring(1)));
            }
            List<String> addresses = new ArrayList<>(secondaryEmails);
            addresses.add(email);
            String title = display != null ? display : !name.isEmpty() ? name : email == null ? "" : email;
            return new SearchDocument(SearchType.PERSON, personId, organizationId, null,
                    merged ? "merged" : SearchDocument.ACTIVE, title, email, fields,
                    ownDisplayName ? SearchDocument.joined(display, name) : name, SearchDocument.keys(addresses), this, version);
        }
    }
}
