package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The rules of a centre a booking must respect, as currently stored. */
public record CentreRules(String centreId, ZoneId zone, String managerPartnerId, int cancellationNoticeHours,
                          List<OpeningHours> openingHours, List<TimeWindow> peakHours, Quota defaultQuota) {

    /** Whether [start, end) lies inside one opening window of its day. A centre without hours is never open. */
    public boolean isOpen(LocalDateTime start, LocalDateTime end) {
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return false;
        }
        return openingHours.stream().anyMatch(h -> h.day() == start.getDayOfWeek()
                && !start.toLocalTime().isBefore(h.opens()) && !end.toLocalTime().isAfter(h.closes()));
    }
}
