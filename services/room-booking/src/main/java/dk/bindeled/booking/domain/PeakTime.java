package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.TimeWindow;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The weekly windows in which a centre's rooms are most wanted (e.g. Monday 16–20), in local wall-clock time. Quotas
 * limit what a partner holds in them and the fairness report shows who got them, so both count peak minutes here.
 */
public record PeakTime(List<TimeWindow> windows) {

    public PeakTime {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /**
     * Minutes of [localStart, localEnd) inside the windows, at most {@code lengthMinutes}: across the autumn clock
     * change the wall clock shows an hour more than the booking lasts, and peak time cannot exceed the booking.
     */
    public long minutesIn(LocalDateTime localStart, LocalDateTime localEnd, long lengthMinutes) {
        long minutes = 0;
        for (TimeWindow window : windows) {
            for (LocalDate day = localStart.toLocalDate(); !day.isAfter(localEnd.toLocalDate()); day = day.plusDays(1)) {
                if (day.getDayOfWeek() != window.day()) {
                    continue;
                }
                LocalDateTime windowStart = day.atTime(window.from());
                LocalDateTime windowEnd = day.atTime(window.to());
                LocalDateTime overlapStart = localStart.isAfter(windowStart) ? localStart : windowStart;
                LocalDateTime overlapEnd = localEnd.isBefore(windowEnd) ? localEnd : windowEnd;
                if (overlapEnd.isAfter(overlapStart)) {
                    minutes += Duration.between(overlapStart, overlapEnd).toMinutes();
                }
            }
        }
        return Math.min(minutes, lengthMinutes);
    }
}
