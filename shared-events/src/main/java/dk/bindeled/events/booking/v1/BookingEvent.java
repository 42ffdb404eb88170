package dk.bindeled.events.booking.v1;

import dk.bindeled.events.IntegrationEvent;

/**
 * An integration event of room booking, version 1. Keyed and ordered by the resource whose schedule it
 * changed (centre events by centre). Carries organisations, rooms and times only: no resident data, no
 * staff names and no free text (why a booking was cancelled or rejected is a category). A booking whose
 * visibility is {@link Visibility#BUSY} carries no title, attendee count or target group: only that the
 * time is taken.
 */
public sealed interface BookingEvent extends IntegrationEvent
        permits CentreDefined, ResourceDefined,
                BookingRequested, BookingConfirmed, BookingRejected, BookingCancelled, BookingMoved, BookingLapsed,
                SeriesBooked, WaitlistOffered, WaitlistOfferLapsed, BookingFlagged, BookingRefused {
}
