package dk.bindeled.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 week such as {@code 2026-W48}: Monday to Sunday, week 1 holds the year's first Thursday. Part of the
 * contract because quotas, the fairness report and the dashboard's utilisation all count "a week" and name it by this
 * key; one definition keeps the figures of different services comparable week by week.
 */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits, was " + year);
        }
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", not " + week);
        }
    }

    /** Parses {@code 2026-W48}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static IsoWeek parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected an ISO week such as 2026-W48, was '" + text + "'");
        }
        return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The week the date is in. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The key of the week the date is in, e.g. {@code 2027-W09}. */
    public static String keyOf(LocalDate date) {
        return of(date).toString();
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    @Override
    public String toString() {
        return "%04d-W%02d".formatted(year, week);
    }
}
