package io.unifiedcrm.identity.organization.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationReadModelRepository extends JpaRepository<OrganizationReadModel, UUID> {
}
