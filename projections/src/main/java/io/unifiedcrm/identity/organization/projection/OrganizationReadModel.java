package io.unifiedcrm.identity.organization.projection;

import io.unifiedcrm.identity.organization.api.OrganizationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A row of {@code identity.organization}. */
@Entity
@Table(schema = "identity", name = "organization")
public class OrganizationReadModel {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(name = "base_currency", nullable = false)
    private String baseCurrency;
    @Column(nullable = false)
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> settings = new LinkedHashMap<>();

    protected OrganizationReadModel() {
        // for JPA
    }

    OrganizationReadModel(UUID id, String name, String baseCurrency, long version, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.baseCurrency = baseCurrency;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Records that the aggregate reached {@code version} at {@code at}; false if the row is already there. */
    boolean advanceTo(long version, Instant at) {
        if (version <= this.version) {
            return false;
        }
        this.version = version;
        this.updatedAt = at;
        return true;
    }

    void rename(String name, long version, Instant at) {
        if (advanceTo(version, at)) {
            this.name = name;
        }
    }

    void replaceSettings(Map<String, Object> settings, long version, Instant at) {
        if (advanceTo(version, at)) {
            this.settings = new LinkedHashMap<>(settings);
        }
    }

    public OrganizationView toView() {
        return new OrganizationView(id, name, baseCurrency, Map.copyOf(settings), version, createdAt);
    }
}
