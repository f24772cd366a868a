package io.unifiedcrm.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A high-entropy API key secret (256 random bits), shown to its owner once. Only its SHA-256 {@link #hash()} is
 * stored: for secrets of this entropy a fast hash is as safe as a slow one and keeps authentication cheap.
 */
public record ApiKeySecret(String value) {

    private static final String PREFIX = "ucrm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return sha256Hex(value);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[****]";
    }
}
