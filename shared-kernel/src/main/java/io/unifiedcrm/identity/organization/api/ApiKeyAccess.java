package io.unifiedcrm.identity.organization.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** What an organization API key may do. Stored by name in events; {@link #code()} is its form in the API. */
public enum ApiKeyAccess {
    /** Read the organization's data. */
    READ_ONLY(Set.of("crm.read")),
    /** Read and change the organization's data: an integration's key. It cannot manage API keys. */
    READ_WRITE(Set.of("crm.read", "crm.write")),
    /**
     * Read and change the organization's data, change the organization and manage its API keys: the key issued with
     * the organization, and keys an admin key issues as such. (Until issue 17 a read-write key could manage keys;
     * the key issued with an organization then is read as an admin key: {@code FirstApiKeyIsAdmin}.)
     */
    ADMIN(Set.of("crm.read", "crm.write", "crm.admin"));

    private final Set<String> scopes;

    ApiKeyAccess(Set<String> scopes) {
        this.scopes = scopes;
    }

    /** The OAuth2-style scopes this access grants: crm.read, crm.write, crm.admin. */
    public Set<String> scopes() {
        return scopes;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the access with this API code, or {@code null} if there is none */
    public static ApiKeyAccess fromCode(String code) {
        return Arrays.stream(values()).filter(access -> access.code().equals(code)).findFirst().orElse(null);
    }
}
