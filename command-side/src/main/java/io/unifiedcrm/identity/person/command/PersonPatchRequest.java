package io.unifiedcrm.identity.person.command;

/** Body of {@code PATCH /api/v1/persons/{id}}: the fields to change; absent fields stay as they are. */
public record PersonPatchRequest(String firstName, String lastName) {
}
