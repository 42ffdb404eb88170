package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

public record SeriesOccurrence(String bookingId, OffsetDateTime start, OffsetDateTime end) {
}
