package dk.bindeled.booking.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The domain events of room booking, as stored in its event store. Private to the service: others see
 * only the integration events translated from an allow-list of these. Times carry the centre's UTC
 * offset at that moment, so both the instant and the local wall-clock time are kept.
 */
public final class Events {

    /** An event after which a booking (or an offer) no longer holds its slot: rejected, cancelled, declined, lapsed. */
    public interface SlotReleased {
        String bookingId();
    }

    private Events() {
    }

    public record CentreDefined(String centreId, String name, String address, String timeZone,
                                String managerPartnerId, List<OpeningHours> openingHours,
                                int cancellationNoticeHours, List<TimeWindow> peakHours, Quota defaultQuota) {
    }

    public record PartnerQuotaSet(String centreId, String partnerId, Quota quota) {
    }

    public record ResourceDefined(String resourceId, String centreId, String name, ResourceKind kind,
                                  Integer capacity, List<String> features, int cleaningBufferMinutes,
                                  BookingRules rules) {
    }

    public record ResourceRulesChanged(String resourceId, String centreId, BookingRules rules) {
    }

    /** A booking was asked for. {@code awaitsApproval}: it holds its slot until the manager decides. */
    public record BookingRequested(String bookingId, String resourceId, String centreId, String partnerId,
                                   OffsetDateTime start, OffsetDateTime end, BookingDetails details,
                                   String seriesId, boolean awaitsApproval) {
    }

    public record BookingConfirmed(String bookingId, String resourceId, String centreId, String partnerId,
                                   OffsetDateTime start, OffsetDateTime end, BookingDetails details,
                                   String seriesId, boolean fromWaitlist) {
    }

    /**
     * {@code reasonCategory} is published; {@code note} is free text that may name residents and never leaves the
     * service. Events stored before the category existed have only {@code reason}: it reads as the note, and the
     * category as {@code OTHER}, since nobody chose one.
     */
    public record BookingRejected(String bookingId, String resourceId, String centreId, String partnerId,
                                  RejectionReason reasonCategory, @JsonAlias("reason") String note) implements SlotReleased {
        public BookingRejected {
            if (reasonCategory == null) {
                reasonCategory = RejectionReason.OTHER;
            }
        }
    }

    /** Like {@link BookingRejected}: the category is published, the note is not; old events read the same way. */
    public record BookingCancelled(String bookingId, String resourceId, String centreId, String partnerId,
                                   OffsetDateTime start, OffsetDateTime end, boolean late,
                                   CancellationReason reasonCategory, @JsonAlias("reason") String note, String seriesId) implements SlotReleased {
        public BookingCancelled {
            if (reasonCategory == null) {
                reasonCategory = CancellationReason.OTHER;
            }
        }
    }

    public record BookingMoved(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime previousStart, OffsetDateTime previousEnd,
                               OffsetDateTime start, OffsetDateTime end, String seriesId) {
    }

    /**
     * A series booked in one go; each occurrence is a booking of its own from here on, confirmed or
     * (when {@code confirmed} is false) awaiting approval. {@code rrule} is its RFC 5545 recurrence
     * rule; {@code exdates} are the first-time dates that were not booked (exceptions and skipped clashes).
     */
    public record SeriesBooked(String seriesId, String resourceId, String centreId, String partnerId,
                               BookingDetails details, Recurrence recurrence, String rrule,
                               OffsetDateTime firstStart, OffsetDateTime firstEnd,
                               List<Occurrence> occurrences, List<LocalDate> skippedDates,
                               List<LocalDate> exdates, boolean confirmed) {
    }

    public record WaitlistJoined(String entryId, String resourceId, String centreId, String partnerId,
                                 OffsetDateTime start, OffsetDateTime end, BookingDetails details) {
    }

    public record WaitlistLeft(String entryId, String resourceId, String centreId, String partnerId) {
    }

    /** The first waiting entry got its freed slot as booking {@code bookingId}, confirmed at once. */
    public record WaitlistServed(String entryId, String bookingId, String resourceId, String centreId,
                                 String partnerId) {
    }

    /** The first waiting entry is offered its freed slot; the offer holds the slot until accepted or declined. */
    public record WaitlistOffered(String entryId, String bookingId, String resourceId, String centreId,
                                  String partnerId, OffsetDateTime start, OffsetDateTime end,
                                  BookingDetails details) {
    }

    public record WaitlistOfferDeclined(String entryId, String bookingId, String resourceId, String centreId,
                                        String partnerId) implements SlotReleased {
    }

    /** A booking that waited for approval longer than the hold policy allows: the slot is free again. */
    public record BookingLapsed(String bookingId, String resourceId, String centreId, String partnerId,
                                OffsetDateTime start, OffsetDateTime end, String seriesId) implements SlotReleased {
    }

    /** A waitlist offer not answered in time: the slot passes to the next in line. */
    public record WaitlistOfferLapsed(String entryId, String bookingId, String resourceId, String centreId,
                                      String partnerId) implements SlotReleased {
    }

    public record BookingFlagged(String bookingId, String resourceId, String centreId, String partnerId,
                                 OffsetDateTime start, OffsetDateTime end, FlagReason reason) {
    }

    /**
     * A booking another service asked for through events (a meeting's room) broke a rule and was not made: kept so the
     * refusal is in the history and published (as {@code BookingRefused}) for the asker. {@code detail} is the rule's
     * own words and stays here; {@code centreId} is null for an unknown resource.
     */
    public record BookingRefused(String bookingId, String resourceId, String centreId, String partnerId,
                                 OffsetDateTime start, OffsetDateTime end, RefusalReason refusal, String rule, String detail,
                                 String meetingId) {
    }
}
