package dk.bindeled.booking.api;

import java.time.OffsetDateTime;

/** One booked occurrence of a series. */
public record Occurrence(String bookingId, OffsetDateTime start, OffsetDateTime end) {
}
