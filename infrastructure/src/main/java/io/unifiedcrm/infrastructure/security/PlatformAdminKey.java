package io.unifiedcrm.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform admin key ({@code UNIFIEDCRM_ADMIN_KEY}). Required: an application without one refuses to start
 * (the standalone application generates one on first start).
 */
@Component
public class PlatformAdminKey {

    private final byte[] key;

    public PlatformAdminKey(@Value("${unifiedcrm.admin.key:}") String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalStateException(
                    "Set UNIFIEDCRM_ADMIN_KEY (property unifiedcrm.admin.key) to a secret of at least 16 characters.");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing does not reveal the key. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
    }
}
