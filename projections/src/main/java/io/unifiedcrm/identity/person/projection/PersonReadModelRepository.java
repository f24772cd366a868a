package io.unifiedcrm.identity.person.projection;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonReadModelRepository extends JpaRepository<PersonReadModel, UUID> {

    /** The tenant-scoped read: another organization's person is not found. */
    Optional<PersonReadModel> findByIdAndOrganizationId(UUID id, UUID organizationId);
}
