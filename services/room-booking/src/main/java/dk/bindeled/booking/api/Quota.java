package dk.bindeled.booking.api;

/** How many hours a partner may hold in one centre per ISO week, in all and inside peak hours (null: no limit). */
public record Quota(Integer hoursPerWeek, Integer peakHoursPerWeek) {
}
