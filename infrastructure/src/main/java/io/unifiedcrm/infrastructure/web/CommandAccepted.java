package io.unifiedcrm.infrastructure.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a command: the aggregate's id and its version after the command. The version is also the
 * {@code ETag}, to send back in {@code If-Match} or {@code X-Min-Version}.
 */
public record CommandAccepted(UUID id, long version) {

    public static ResponseEntity<CommandAccepted> created(URI location, UUID id, long version) {
        return ResponseEntity.created(location).eTag(String.valueOf(version)).body(new CommandAccepted(id, version));
    }

    public static ResponseEntity<CommandAccepted> ok(UUID id, long version) {
        return ResponseEntity.ok().eTag(String.valueOf(version)).body(new CommandAccepted(id, version));
    }
}
