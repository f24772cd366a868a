package io.unifiedcrm.identity.projection;

/** The processing group that builds the identity read models (schema {@code identity}). */
public final class IdentityProcessingGroup {

    public static final String NAME = "identity";

    private IdentityProcessingGroup() {
    }
}
