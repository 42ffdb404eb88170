package dk.bindeled.booking.api;

import dk.bindeled.events.booking.v1.Visibility;

/**
 * What a booking is for. {@code purpose} is internal to the house and never leaves the service;
 * {@code offerId} links a partner's offer in the registry, {@code meetingId} a meeting in the logbook.
 */
public record BookingDetails(String title, String purpose, Integer attendees, String targetGroup,
                             Visibility visibility, String offerId, String meetingId) {
}
