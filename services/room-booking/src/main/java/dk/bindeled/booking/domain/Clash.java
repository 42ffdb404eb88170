package dk.bindeled.booking.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A requested time that overlaps an existing booking of the resource (cleaning buffer included). */
public record Clash(LocalDate date, OffsetDateTime requestedStart, OffsetDateTime requestedEnd,
                    String bookingId, OffsetDateTime bookedStart, OffsetDateTime bookedEnd, String status) {
}
