package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.identity.person.api.PersonView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code identity.person}. */
@Entity
@Table(schema = "identity", name = "person")
public class PersonReadModel {

    @Id
    private UUID id;
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private String email;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String phone;
    private String source;
    @Column(nullable = false)
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonReadModel() {
        // for JPA
    }

    PersonReadModel(UUID id, UUID organizationId, String email, String firstName, String lastName, String phone,
                    String source, long version, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.source = source;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Whether the event with this sequence number is already reflected (a redelivery after a crash). */
    boolean hasApplied(long sequenceNumber) {
        return version >= sequenceNumber;
    }

    void rename(String firstName, String lastName, long version, Instant at) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.version = version;
        this.updatedAt = at;
    }

    public PersonView toView() {
        return new PersonView(id, email, firstName, lastName, phone, source, version, createdAt, updatedAt);
    }
}
