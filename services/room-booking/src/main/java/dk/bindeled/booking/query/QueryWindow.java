package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates a query may ask about, how long a range may be, and how many rows one page may hold: one place,
 * so that every date parameter is refused alike (400 naming it) before it reaches date arithmetic or the
 * database, where an extreme date (+999999999-12-31) overflowed or was out of the database's range and
 * answered 500.
 * <p>
 * The window is fixed years, 2000 to 2200, rather than today ± n years: a saved link does not start to fail
 * as time passes, and every day inside it stays far from java.time's and PostgreSQL's limits after any
 * arithmetic the queries do (a week around the date, the days after it searched for free slots, a range's
 * end plus a day). It reaches further than any booking can (the service started long after 2000, and a
 * resource lets bookings be made at most two years ahead).
 */
public final class QueryWindow {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    /** The longest range a report, a partner's bookings or a waitlist history may ask for, both ends counted. */
    public static final int MAX_RANGE_DAYS = 400;
    /** The range of a partner's bookings when none is asked for: today and the days after, both ends counted. */
    public static final int DEFAULT_RANGE_DAYS = 90;
    /** The rows in a page when no limit is asked for, and the most a page may hold. */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** A range of local dates, both inclusive. */
    public record Range(LocalDate from, LocalDate to) {
    }

    private QueryWindow() {
    }

    /** The date, if inside the window; otherwise a 400 naming the parameter. */
    public static LocalDate check(LocalDate date, String parameter) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidInputException(parameter, "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    /** Both ends given and checked: {@code to} not before {@code from}, and at most {@link #MAX_RANGE_DAYS} days. */
    public static Range range(LocalDate from, LocalDate to, String fromName, String toName) {
        check(from, fromName);
        check(to, toName);
        if (to.isBefore(from)) {
            throw new InvalidInputException(toName, "must not be before " + fromName);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new InvalidInputException(toName, "must be less than " + MAX_RANGE_DAYS + " days after " + fromName);
        }
        return new Range(from, to);
    }

    /**
     * A range where either end may be left out: {@code from} defaults to {@code today}, {@code to} to
     * {@link #DEFAULT_RANGE_DAYS} days from {@code from} on.
     */
    public static Range rangeOrDefault(LocalDate from, LocalDate to, LocalDate today, String fromName, String toName) {
        LocalDate first = from != null ? check(from, fromName) : today;
        LocalDate last = to != null ? check(to, toName) : first.plusDays(DEFAULT_RANGE_DAYS - 1L);
        return range(first, last, fromName, toName);
    }

    /** The page size asked for, or the default. */
    public static int limit(Integer limit, String parameter) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(parameter, "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
