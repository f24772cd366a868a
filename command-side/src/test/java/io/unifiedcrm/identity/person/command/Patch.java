package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.identity.person.api.UpdatePersonCommand;
import io.unifiedcrm.shared.FieldChange;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds merge-patch commands for the fixture tests: only the members set here are in the patch. */
final class Patch {

    private final Map<String, FieldChange<?>> members = new HashMap<>();
    private Long expectedVersion;

    static Patch of() {
        return new Patch();
    }

    Patch set(String member, Object value) {
        members.put(member, new FieldChange<>(value));
        return this;
    }

    Patch remove(String member) {
        members.put(member, new FieldChange<>(null));
        return this;
    }

    Patch atVersion(long version) {
        this.expectedVersion = version;
        return this;
    }

    @SuppressWarnings("unchecked")
    UpdatePersonCommand on(UUID person, UUID organization) {
        return new UpdatePersonCommand(person, organization,
                (FieldChange<String>) members.get("email"), (FieldChange<String>) members.get("phone"),
                (FieldChange<String>) members.get("firstName"), (FieldChange<String>) members.get("lastName"),
                (FieldChange<String>) members.get("middleName"), (FieldChange<String>) members.get("displayName"),
                (FieldChange<String>) members.get("avatarUrl"),
                (FieldChange<Map<String, Object>>) members.get("sourceDetails"),
                (FieldChange<Boolean>) members.get("vendor"), (FieldChange<String>) members.get("lifecycleStage"),
                expectedVersion);
    }
}
