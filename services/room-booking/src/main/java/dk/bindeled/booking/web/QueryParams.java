package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.query.QueryWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Query parameters read by hand, so that a missing or malformed one is a 400 naming it, like every other field.
 * Every date is also held to the {@link QueryWindow}, so none reaches a query that cannot compute with it.
 */
final class QueryParams {

    private QueryParams() {
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "is required (a date like 2026-11-24)");
        }
        return optionalDate(value, name);
    }

    static LocalDate optionalDate(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date like 2026-11-24");
        }
        return QueryWindow.check(date, name);
    }

    static LocalTime time(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "is required (a time like 14:00)");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a time like 14:00");
        }
    }

    static Integer positive(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw new InvalidInputException(name, "must be at least 1");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number");
        }
    }

    /** One of the given words, case-insensitive; the default when absent. */
    static <E extends Enum<E>> E choice(String value, String name, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
