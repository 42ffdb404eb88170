package dk.bindeled.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;

/**
 * When a centre is open, as weekly windows in its local wall-clock time. A booking must lie inside one window of
 * its day; the free-slot search offers only what the booking commands would accept, so both ask this class.
 */
public record OpeningHours(List<dk.bindeled.events.booking.v1.OpeningHours> windows) {

    public OpeningHours {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /**
     * Whether [start, end) lies inside one opening window of its day. A centre without hours is never open, and
     * nothing that runs past midnight is: no window spans two days.
     */
    public boolean covers(LocalDateTime start, LocalDateTime end) {
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return false;
        }
        return windows.stream().anyMatch(h -> h.day() == start.getDayOfWeek()
                && !start.toLocalTime().isBefore(h.opens()) && !end.toLocalTime().isAfter(h.closes()));
    }

    /** The windows of one weekday, in the order the centre gave them. */
    public List<dk.bindeled.events.booking.v1.OpeningHours> on(DayOfWeek day) {
        return windows.stream().filter(h -> h.day() == day).toList();
    }
}
