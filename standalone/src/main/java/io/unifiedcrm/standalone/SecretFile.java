package io.unifiedcrm.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A secret kept in a file of the data directory that only its owner can read, generated on first use. */
final class SecretFile {

    private SecretFile() {
    }

    /** The secret in {@code file}; if there is none yet, {@code prefix} and 32 random bytes (Base64url) are written. */
    static String readOrCreate(Path file, String prefix) {
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, prefix + generate() + System.lineSeparator(), StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raceLost) {
                    // another process created it first; use theirs
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
