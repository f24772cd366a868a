package io.unifiedcrm.projection.runtime.rebuild;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The phases of a rebuild without downtime; {@code done} and {@code failed} are final. */
public enum RebuildState {
    /** Creating the shadow tables. */
    COPYING,
    /** The shadow processor replays the events into the shadow tables while the live ones serve queries. */
    CATCHING_UP,
    /** The shadow has caught up: the shadow tables become the live ones. */
    SWITCHING,
    DONE,
    /** Nothing changed on the live tables; the shadow tables are gone. */
    FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
