package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/**
 * A booking another service asked for through events (a meeting's room, asked for by the meeting logbook) was
 * refused by room booking's rules: no booking exists under {@code bookingId}. {@code refusal} says why as a category
 * and {@code rule} names the broken rule (e.g. {@code quota-exceeded}); {@code centreId} is absent for an unknown room;
 * {@code meetingId} names the meeting that asked.
 */
public record BookingRefused(String bookingId, String resourceId, String centreId, String partnerId, OffsetDateTime start,
                             OffsetDateTime end, RefusalReason refusal, String rule, String meetingId) implements BookingEvent {
    public BookingRefused {
        if (bookingId == null || bookingId.isBlank()) {
            throw new IllegalArgumentException("bookingId is required");
        }
        if (refusal == null) {
            throw new IllegalArgumentException("refusal is required");
        }
    }

    @Override
    public String subject() {
        return resourceId;
    }
}
