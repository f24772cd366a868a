package io.unifiedcrm.platform.projection;

/** The processing group that builds the platform read models (schema {@code platform}). */
public final class PlatformProcessingGroup {

    public static final String NAME = "platform";

    private PlatformProcessingGroup() {
    }
}
