package dk.bindeled.booking.api;

import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of room booking. Times are wall-clock times in the centre's time zone
 * (Europe/Copenhagen): 17:00 means 17:00 on that day, summer or winter.
 */
public final class Commands {

    private Commands() {
    }

    public record DefineCentre(@TargetAggregateIdentifier String centreId, String name, String address,
                               String managerPartnerId, List<OpeningHours> openingHours,
                               int cancellationNoticeHours, List<TimeWindow> peakHours, Quota defaultQuota) {
    }

    public record SetPartnerQuota(@TargetAggregateIdentifier String centreId, String partnerId, Quota quota) {
    }

    public record DefineResource(@TargetAggregateIdentifier String resourceId, String centreId, String name,
                                 ResourceKind kind, Integer capacity, List<String> features,
                                 int cleaningBufferMinutes, BookingRules rules) {
    }

    public record ChangeResourceRules(@TargetAggregateIdentifier String resourceId, BookingRules rules) {
    }

    public record RequestBooking(@TargetAggregateIdentifier String resourceId, String bookingId, String partnerId,
                                 LocalDateTime start, LocalDateTime end, BookingDetails details) {
    }

    /**
     * A meeting's room, asked for by the meeting logbook (through events): booked like {@link RequestBooking}, or, when
     * a rule refuses it, the refusal recorded as {@code BookingRefused} for the logbook. Times are instants; the
     * centre's zone makes them local. A second request with the same {@code bookingId} changes nothing.
     */
    public record BookMeetingRoom(@TargetAggregateIdentifier String resourceId, String bookingId, String partnerId, java.time.Instant start,
                                  java.time.Instant end, String title, Integer attendees, String meetingId) {
    }

    /** Books every occurrence or none, unless {@code skipClashes}: then clashing dates are left out and listed. */
    public record RequestSeries(@TargetAggregateIdentifier String resourceId, String seriesId, String partnerId,
                                LocalDateTime firstStart, LocalDateTime firstEnd, Recurrence recurrence,
                                boolean skipClashes, BookingDetails details) {
    }

    public record ApproveBooking(@TargetAggregateIdentifier String resourceId, String bookingId) {
    }

    /**
     * Rejections and cancellations say why twice: {@code reasonCategory}, required, is what other services are told;
     * {@code note}, optional free text, stays in this service's event store and booking details because it may
     * name residents.
     */
    public record RejectBooking(@TargetAggregateIdentifier String resourceId, String bookingId, RejectionReason reasonCategory,
                                String note) {
    }

    public record ApproveSeries(@TargetAggregateIdentifier String resourceId, String seriesId) {
    }

    public record RejectSeries(@TargetAggregateIdentifier String resourceId, String seriesId, RejectionReason reasonCategory,
                               String note) {
    }

    public record CancelBooking(@TargetAggregateIdentifier String resourceId, String bookingId, CancellationReason reasonCategory,
                                String note) {
    }

    /** Cancels the occurrence on {@code fromDate} and every later one of the series. */
    public record CancelSeriesFrom(@TargetAggregateIdentifier String resourceId, String seriesId, LocalDate fromDate,
                                   CancellationReason reasonCategory, String note) {
    }

    public record MoveBooking(@TargetAggregateIdentifier String resourceId, String bookingId,
                              LocalDateTime start, LocalDateTime end) {
    }

    public record JoinWaitlist(@TargetAggregateIdentifier String resourceId, String entryId, String partnerId,
                               LocalDateTime start, LocalDateTime end, BookingDetails details) {
    }

    public record LeaveWaitlist(@TargetAggregateIdentifier String resourceId, String entryId) {
    }

    public record AcceptWaitlistOffer(@TargetAggregateIdentifier String resourceId, String bookingId) {
    }

    public record DeclineWaitlistOffer(@TargetAggregateIdentifier String resourceId, String bookingId) {
    }

    /** Sent by the partner replica: the partner of future bookings was deactivated or left the centre. */
    public record FlagPartnerBookings(@TargetAggregateIdentifier String resourceId, String partnerId,
                                      dk.bindeled.events.booking.v1.BookingFlagged.FlagReason reason) {
    }
}
