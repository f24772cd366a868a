package io.unifiedcrm.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A moment or a date a client names (a due date, a meeting's start, a deal's close date): in the years 1 to 9999 and
 * to the microsecond, which is what PostgreSQL stores. JSON readers accept far wider years (±999,999,999), which a
 * read model could not store: the projection would fail on the event for ever.
 */
public final class PointInTime {

    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private PointInTime() {
    }

    /** @return the moment to the microsecond, or null; @throws DomainRuleViolation {@code invalid_date} */
    public static Instant of(String field, Instant value) {
        if (value == null) {
            return null;
        }
        int year = value.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw outOfRange(field);
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return the date, or null; @throws DomainRuleViolation {@code invalid_date} */
    public static LocalDate date(String field, LocalDate value) {
        if (value != null && (value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR)) {
            throw outOfRange(field);
        }
        return value;
    }

    private static DomainRuleViolation outOfRange(String field) {
        return new DomainRuleViolation(ErrorCode.INVALID_DATE, field, field + " is a date in the years 1 to 9999.");
    }
}
