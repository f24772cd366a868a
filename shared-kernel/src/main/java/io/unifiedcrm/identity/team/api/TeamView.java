package io.unifiedcrm.identity.team.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TeamView(UUID id, String name, List<UUID> memberIds, long version, Instant createdAt) {
}
