package dk.bindeled.events.booking.v1;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening window of a centre on a weekday, in the centre's local time. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
}
