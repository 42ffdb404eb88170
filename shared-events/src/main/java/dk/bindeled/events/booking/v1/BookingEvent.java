package dk.bindeled.events.booking.v1;

import dk.bindeled.events.IntegrationEvent;

/**
 * An integration event of room booking, version 1. Keyed and ordered by the resource whose schedule it
 * changed (centre events by centre). Carries organisations, rooms and times only: no resident data and
 * no staff names; the title is left out when the booking's visibility is {@link Visibility#BUSY}.
 */
public sealed interface BookingEvent extends IntegrationEvent
        permits CentreDefined, ResourceDefined,
                BookingRequested, BookingConfirmed, BookingRejected, BookingCancelled, BookingMoved,
                SeriesBooked, WaitlistOffered, BookingFlagged {
}
