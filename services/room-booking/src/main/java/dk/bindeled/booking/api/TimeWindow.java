package dk.bindeled.booking.api;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly window in the centre's local time, e.g. the peak hours Monday 16:00–20:00. */
public record TimeWindow(DayOfWeek day, LocalTime from, LocalTime to) {
}
