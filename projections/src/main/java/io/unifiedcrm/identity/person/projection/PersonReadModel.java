package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.identity.person.api.PersonView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code identity.person}, read through JPA; {@link PersonProjection} writes it with single statements. */
@Entity
@Immutable
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

    public PersonView toView() {
        return new PersonView(id, email, firstName, lastName, phone, source, version, createdAt, updatedAt);
    }
}
