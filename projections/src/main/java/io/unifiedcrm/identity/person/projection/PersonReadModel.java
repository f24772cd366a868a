package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.identity.person.api.PersonFlagsView;
import io.unifiedcrm.identity.person.api.PersonView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
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
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "phone_verified", nullable = false)
    private boolean phoneVerified;
    private String source;
    @Column(nullable = false)
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "lifecycle_stage", nullable = false)
    private String lifecycleStage;
    @Column(name = "lifecycle_stage_explicit", nullable = false)
    private boolean lifecycleStageExplicit;
    @Column(name = "is_lead", nullable = false)
    private boolean isLead;
    @Column(name = "is_customer", nullable = false)
    private boolean isCustomer;
    @Column(name = "has_ordered", nullable = false)
    private boolean hasOrdered;
    @Column(name = "has_account", nullable = false)
    private boolean hasAccount;
    @Column(name = "is_vendor", nullable = false)
    private boolean isVendor;
    @Column(name = "lead_score", nullable = false)
    private int leadScore;
    @Column(name = "customer_value", nullable = false)
    private BigDecimal customerValue;
    @Column(name = "flags_rulebook_version", nullable = false)
    private String flagsRulebookVersion;
    @Column(name = "middle_name")
    private String middleName;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "avatar_url")
    private String avatarUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_details")
    private Map<String, Object> sourceDetails;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "secondary_emails", nullable = false)
    private List<String> secondaryEmails;
    @Column(name = "merged_into_id")
    private UUID mergedIntoId;
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    protected PersonReadModel() {
        // for JPA
    }

    public PersonView toView() {
        return new PersonView(id, email, emailVerified, secondaryEmails, firstName, lastName, middleName, displayName,
                avatarUrl, phone, phoneVerified, source, sourceDetails,
                new PersonFlagsView(lifecycleStage, lifecycleStageExplicit, isLead, isCustomer, hasOrdered, hasAccount,
                        isVendor, leadScore, customerValue, lastActivityAt, flagsRulebookVersion),
                mergedIntoId, null, version, createdAt, updatedAt);
    }
}
