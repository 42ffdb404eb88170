package dk.bindeled.booking.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * How far ahead anything can be booked, whatever a resource's own rules say (they may set no limit at all): a
 * booking, a series occurrence or a wait must start and end within {@code maxYearsAhead} years of now, and in
 * a year of at most four digits, the most the quota ledger's ISO-week column ({@code 9999-W52}) and every calendar
 * feed can hold. Beyond either the request is a mistake, answered 400 naming the field, not a failure.
 */
public record BookingHorizon(int maxYearsAhead) {

    public static final int DEFAULT_YEARS = 3;
    /** The ISO week is stored as {@code yyyy-Www} in eight characters. */
    public static final int LAST_YEAR = 9999;

    public BookingHorizon {
        if (maxYearsAhead < 1) {
            throw new IllegalArgumentException("The booking horizon must be at least one year, not " + maxYearsAhead);
        }
    }

    /** Why the wall-clock time lies beyond the horizon, or empty when it does not. */
    public Optional<String> beyond(LocalDateTime time, ZoneId zone, Instant now) {
        if (time.getYear() > LAST_YEAR) {
            return Optional.of("is in the year " + time.getYear() + "; nothing can be booked after " + LAST_YEAR);
        }
        if (time.atZone(zone).toInstant().isAfter(ZonedDateTime.ofInstant(now, zone).plusYears(maxYearsAhead).toInstant())) {
            return Optional.of("is more than " + maxYearsAhead + (maxYearsAhead == 1 ? " year" : " years") + " ahead");
        }
        return Optional.empty();
    }
}
