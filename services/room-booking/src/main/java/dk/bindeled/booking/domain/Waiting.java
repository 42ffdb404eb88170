package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingDetails;
import java.time.OffsetDateTime;

/** A partner waiting for a slot of the resource to become free. */
record Waiting(String entryId, String partnerId, OffsetDateTime start, OffsetDateTime end, BookingDetails details) {
}
