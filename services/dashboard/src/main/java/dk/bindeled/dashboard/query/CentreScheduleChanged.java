package dk.bindeled.dashboard.query;

import java.time.Instant;
import java.util.Objects;

/**
 * What a centre's info screens show may have changed: published inside the projection's transaction,
 * pushed to the screens only after commit.
 *
 * @param centreId the centre
 * @param from     start of the time the change touches; null with {@code to} when it touches the whole
 *                 schedule (the centre's name or opening hours, a resource's name)
 * @param to       end of the time the change touches (exclusive)
 */
public record CentreScheduleChanged(String centreId, Instant from, Instant to) {

    public CentreScheduleChanged {
        Objects.requireNonNull(centreId, "centreId");
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("from and to are both given or both null");
        }
    }

    static CentreScheduleChanged wholeSchedule(String centreId) {
        return new CentreScheduleChanged(centreId, null, null);
    }

    /** Whether the change touches the half-open period {@code [start, end)}. */
    public boolean touches(Instant start, Instant end) {
        return from == null || (from.isBefore(end) && to.isAfter(start));
    }
}
