package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Recurrence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of a recurring series, expanded in local wall-clock time so 17:00 stays 17:00 across
 * daylight-saving changes, and the same rule written as an RFC 5545 RRULE for the calendar feeds.
 */
record SeriesPlan(List<LocalDate> dates, List<LocalDate> exceptions, LocalTime startTime, Duration length, String rrule) {

    /** More than this is a mistake in the request, not a plan. */
    static final int MAX_OCCURRENCES = 260;

    static SeriesPlan of(LocalDateTime firstStart, LocalDateTime firstEnd, Recurrence recurrence, ZoneId zone) {
        if (recurrence.frequency() == null) {
            throw new InvalidInputException("recurrence.frequency", "is required");
        }
        if ((recurrence.until() == null) == (recurrence.count() == null)) {
            throw new InvalidInputException("recurrence", "needs exactly one of until and count");
        }
        if (recurrence.count() != null && (recurrence.count() < 1 || recurrence.count() > MAX_OCCURRENCES)) {
            throw new InvalidInputException("recurrence.count", "must be between 1 and " + MAX_OCCURRENCES);
        }
        if (recurrence.until() != null && recurrence.until().isBefore(firstStart.toLocalDate())) {
            throw new InvalidInputException("recurrence.until", "is before the first occurrence");
        }
        LocalDate first = firstStart.toLocalDate();
        DayOfWeek weekday = first.getDayOfWeek();
        int ordinal = (first.getDayOfMonth() - 1) / 7 + 1;
        boolean last = ordinal == 5;
        List<LocalDate> generated = new ArrayList<>();
        for (int i = 0; ; i++) {
            LocalDate date = switch (recurrence.frequency()) {
                case WEEKLY -> first.plusWeeks(i);
                case BIWEEKLY -> first.plusWeeks(2L * i);
                case MONTHLY -> {
                    LocalDate month = first.plusMonths(i).withDayOfMonth(1);
                    yield last ? month.with(TemporalAdjusters.lastInMonth(weekday))
                            : month.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
                }
            };
            if (recurrence.count() != null ? i >= recurrence.count() : date.isAfter(recurrence.until())) {
                break;
            }
            if (generated.size() >= MAX_OCCURRENCES) {
                throw new InvalidInputException("recurrence", "gives more than " + MAX_OCCURRENCES + " occurrences");
            }
            generated.add(date);
        }
        List<LocalDate> exceptions = recurrence.exceptions().stream().filter(generated::contains).sorted().toList();
        for (LocalDate exception : recurrence.exceptions()) {
            if (!generated.contains(exception)) {
                throw new InvalidInputException("recurrence.exceptions", exception + " is not a date of the series");
            }
        }
        List<LocalDate> dates = generated.stream().filter(d -> !exceptions.contains(d)).toList();
        if (dates.isEmpty()) {
            throw new InvalidInputException("recurrence.exceptions", "leave no date to book");
        }
        String rule = switch (recurrence.frequency()) {
            case WEEKLY -> "FREQ=WEEKLY;BYDAY=" + day(weekday);
            case BIWEEKLY -> "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day(weekday);
            case MONTHLY -> "FREQ=MONTHLY;BYDAY=" + (last ? "-1" : String.valueOf(ordinal)) + day(weekday);
        };
        if (recurrence.count() != null) {
            rule += ";COUNT=" + recurrence.count();
        } else {
            // RFC 5545: with a zoned DTSTART, UNTIL is given in UTC; the last local date's start is within it.
            LocalDateTime lastStart = generated.get(generated.size() - 1).atTime(firstStart.toLocalTime());
            rule += ";UNTIL=" + lastStart.atZone(zone).withZoneSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        }
        return new SeriesPlan(dates, exceptions, firstStart.toLocalTime(),
                Duration.between(firstStart, firstEnd), rule);
    }

    LocalDateTime startOn(LocalDate date) {
        return date.atTime(startTime);
    }

    LocalDateTime endOn(LocalDate date) {
        return date.atTime(startTime).plus(length);
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    @SuppressWarnings("unused")
    private static long weeks(LocalDate a, LocalDate b) {
        return ChronoUnit.WEEKS.between(a, b);
    }
}
