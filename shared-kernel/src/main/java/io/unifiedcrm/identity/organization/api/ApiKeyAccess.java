package io.unifiedcrm.identity.organization.api;

/** What an organization API key may do. */
public enum ApiKeyAccess {
    READ_ONLY,
    READ_WRITE
}
