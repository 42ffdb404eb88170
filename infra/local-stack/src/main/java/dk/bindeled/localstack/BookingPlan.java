package dk.bindeled.localstack;

import dk.bindeled.localstack.DemoData.BookingCentre;
import dk.bindeled.localstack.DemoData.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where the demo bookings go in time, relative to the moment of seeding, in the centres' wall-clock time
 * (Europe/Copenhagen). room-booking refuses a start that is not in the future and a booking outside the
 * centre's opening hours, so every time computed here is after {@code now} and inside an opening window.
 */
final class BookingPlan {

    /** A series' first occurrence and a dated single must start at least this much after the seeding. */
    static final Duration LEAD = Duration.ofMinutes(2);
    /** A single shortened to fit before closing time must keep at least this much. */
    static final int SHORTEST_MINUTES = 30;

    record Slot(LocalDateTime start, LocalDateTime end) {
        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    private BookingPlan() {
    }

    /** The first date on or after {@code now}'s whose {@code day} at {@code time} is at least {@link #LEAD} ahead. */
    static LocalDate nextDate(LocalDateTime now, DayOfWeek day, LocalTime time) {
        LocalDate date = now.toLocalDate();
        while (date.getDayOfWeek() != day || date.atTime(time).isBefore(now.plus(LEAD))) {
            date = date.plusDays(1);
        }
        return date;
    }

    /**
     * A single booked relative to {@code now}. {@code startsInMinutes} of 5 or less means "on now soon": the
     * start is the next whole minute at least that many minutes ahead (1 gives a start 1–2 minutes ahead, so
     * the booking is on now a minute or two after seeding; the API refuses a start in the past), and the end is
     * rounded up to a quarter hour. Larger offsets start on the next quarter hour from then, for times that
     * look planned. When the centre is closed then, the booking moves to the next opening (the same offset
     * after opening time), or is shortened to end at closing time when at least {@link #SHORTEST_MINUTES} remain.
     */
    static Optional<Slot> relative(LocalDateTime now, int startsInMinutes, int minutes, Integer maxLengthMinutes, BookingCentre centre) {
        boolean soon = startsInMinutes <= 5;
        LocalDateTime wanted = soon
                ? now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(startsInMinutes + 1L)
                : ceilQuarter(now.plusMinutes(startsInMinutes));
        for (int day = 0; day <= 7; day++) {
            LocalDate date = now.toLocalDate().plusDays(day);
            for (Hours window : centre.hoursOn(date.getDayOfWeek())) {
                LocalDateTime opens = date.atTime(window.opensAt());
                LocalDateTime closes = date.atTime(window.closesAt());
                LocalDateTime start = !wanted.isBefore(opens) ? wanted
                        : soon ? opens : ceilQuarter(opens.plusMinutes(startsInMinutes));
                if (!start.isBefore(closes)) {
                    continue;
                }
                LocalDateTime end = roundedEnd(start, minutes, maxLengthMinutes);
                if (end.isAfter(closes)) {
                    end = closes;
                }
                if (Duration.between(start, end).toMinutes() >= Math.min(SHORTEST_MINUTES, minutes)) {
                    return Optional.of(new Slot(start, end));
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDateTime roundedEnd(LocalDateTime start, int minutes, Integer maxLengthMinutes) {
        LocalDateTime end = start.plusMinutes(minutes);
        LocalDateTime rounded = ceilQuarter(end);
        long length = Duration.between(start, rounded).toMinutes();
        return maxLengthMinutes != null && length > maxLengthMinutes ? end : rounded;
    }

    static LocalDateTime ceilQuarter(LocalDateTime time) {
        LocalDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(time)) {
            minute = minute.plusMinutes(1);
        }
        int past = minute.getMinute() % 15;
        return past == 0 ? minute : minute.plusMinutes(15L - past);
    }
}
