package dk.bindeled.booking.integration.out;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.Events;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.SeriesOccurrence;
import dk.bindeled.events.booking.v1.Visibility;
import java.util.Optional;

/**
 * The allow-list: which domain events leave the service, and what they say outside. A domain event not
 * named here is never published. Nothing personal leaves: no purpose text, no staff names, no free text at
 * all (a rejection or cancellation says why by its category; the note stays here), and of a booking to be shown
 * only as busy nothing but its times. Integration events are in {@code dk.bindeled.events.booking.v1}.
 */
public final class IntegrationEventTranslator {

    private IntegrationEventTranslator() {
    }

    public static Optional<BookingEvent> translate(Object domainEvent) {
        BookingEvent translated;
        if (domainEvent instanceof Events.CentreDefined e) {
            translated = new dk.bindeled.events.booking.v1.CentreDefined(e.centreId(), e.name(), e.address(), e.timeZone(),
                    e.managerPartnerId(), e.openingHours(), e.cancellationNoticeHours());
        } else if (domainEvent instanceof Events.ResourceDefined e) {
            translated = new dk.bindeled.events.booking.v1.ResourceDefined(e.resourceId(), e.centreId(), e.name(), e.kind(),
                    e.capacity(), e.features(), e.cleaningBufferMinutes(), e.rules().approvalRequired());
        } else if (domainEvent instanceof Events.BookingRequested e && e.awaitsApproval()) {
            BookingDetails d = e.details();
            translated = new dk.bindeled.events.booking.v1.BookingRequested(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end(), d.visibility(), title(d), attendees(d), targetGroup(d), e.seriesId(), d.meetingId());
        } else if (domainEvent instanceof Events.BookingConfirmed e) {
            BookingDetails d = e.details();
            translated = new dk.bindeled.events.booking.v1.BookingConfirmed(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end(), d.visibility(), title(d), attendees(d), targetGroup(d), e.seriesId(), e.fromWaitlist(),
                    d.meetingId());
        } else if (domainEvent instanceof Events.BookingRejected e) {
            translated = new dk.bindeled.events.booking.v1.BookingRejected(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.reasonCategory());
        } else if (domainEvent instanceof Events.BookingCancelled e) {
            translated = new dk.bindeled.events.booking.v1.BookingCancelled(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end(), e.late(), e.reasonCategory());
        } else if (domainEvent instanceof Events.BookingMoved e) {
            translated = new dk.bindeled.events.booking.v1.BookingMoved(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.previousStart(), e.previousEnd(), e.start(), e.end());
        } else if (domainEvent instanceof Events.BookingLapsed e) {
            translated = new dk.bindeled.events.booking.v1.BookingLapsed(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end());
        } else if (domainEvent instanceof Events.SeriesBooked e) {
            BookingDetails d = e.details();
            translated = new dk.bindeled.events.booking.v1.SeriesBooked(e.seriesId(), e.resourceId(), e.centreId(), e.partnerId(),
                    d.visibility(), title(d), attendees(d), targetGroup(d), e.rrule(),
                    e.occurrences().stream().map(o -> new SeriesOccurrence(o.bookingId(), o.start(), o.end())).toList(),
                    e.skippedDates(), e.confirmed());
        } else if (domainEvent instanceof Events.WaitlistOffered e) {
            translated = new dk.bindeled.events.booking.v1.WaitlistOffered(e.entryId(), e.bookingId(), e.resourceId(), e.centreId(),
                    e.partnerId(), e.start(), e.end());
        } else if (domainEvent instanceof Events.WaitlistOfferLapsed e) {
            translated = new dk.bindeled.events.booking.v1.WaitlistOfferLapsed(e.entryId(), e.bookingId(), e.resourceId(),
                    e.centreId(), e.partnerId());
        } else if (domainEvent instanceof Events.BookingFlagged e) {
            translated = new dk.bindeled.events.booking.v1.BookingFlagged(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end(), e.reason());
        } else if (domainEvent instanceof Events.BookingRefused e) {
            translated = new dk.bindeled.events.booking.v1.BookingRefused(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(),
                    e.start(), e.end(), e.refusal(), e.rule(), e.meetingId());
        } else {
            translated = null;
        }
        return Optional.ofNullable(translated);
    }

    // A BUSY booking tells others only that the time is taken: what it is, for whom and how many could point to
    // the people meeting (a support group, a family's meeting with its caseworker).
    private static String title(BookingDetails details) {
        return details.visibility() == Visibility.BUSY ? null : details.title();
    }

    private static Integer attendees(BookingDetails details) {
        return details.visibility() == Visibility.BUSY ? null : details.attendees();
    }

    private static String targetGroup(BookingDetails details) {
        return details.visibility() == Visibility.BUSY ? null : details.targetGroup();
    }
}
