package dk.bindeled.booking.api;

import java.time.LocalDate;
import java.util.List;

/**
 * How a series repeats: every week, every other week, or monthly on the same weekday of the month as
 * the first occurrence (the 2nd Tuesday; the last one when the first date is in a month's fifth week).
 * It ends on {@code until} (inclusive) or after {@code count} occurrences; {@code exceptions} are dates
 * left out on purpose (holidays).
 */
public record Recurrence(Frequency frequency, LocalDate until, Integer count, List<LocalDate> exceptions) {

    public enum Frequency {
        WEEKLY, BIWEEKLY, MONTHLY
    }

    public Recurrence {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }
}
