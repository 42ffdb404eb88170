package dk.bindeled.booking.query;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the queries answer. Times come twice: {@code start}/{@code end} as the instant with the centre's UTC
 * offset of that moment, {@code localStart}/{@code localEnd} as the wall-clock time in the centre.
 */
public final class Views {

    private Views() {
    }

    /** Status of a booking in the read model; LAPSED: a request or waitlist offer nobody decided in time. */
    public enum BookingStatus {
        REQUESTED, CONFIRMED, OFFERED, REJECTED, CANCELLED, LAPSED;

        /** Whether a booking in this status holds its slot (shown in calendars, blocks free-slot search). */
        public boolean holdsSlot() {
            return this == REQUESTED || this == CONFIRMED || this == OFFERED;
        }
    }

    public record CentreSummary(String id, String name, String address, String timeZone, int resourceCount) {
    }

    public record CentreView(String id, String name, String address, String timeZone, String managerPartnerId,
                             String managerName, int cancellationNoticeHours, List<OpeningHours> openingHours,
                             List<TimeWindow> peakHours, Quota defaultQuota, List<ResourceView> resources) {
    }

    public record ResourceView(String id, String centreId, String name, String kind, Integer capacity, List<String> features,
                               int cleaningBufferMinutes, boolean approvalRequired, String access, List<String> listedPartners,
                               Integer maxLengthMinutes, Integer maxDaysAhead) {
    }

    /**
     * One booking in a calendar, with the booking's visibility applied for whoever is not its partner or the centre's
     * staff ({@link Disclosures}): {@code BUSY} shows only that the time is taken (no title, partner, attendees or target
     * group); {@code TITLE_ONLY} shows the title and nothing more; {@code PUBLIC} shows title, partner, attendees and
     * target group. The purpose only the booking partner and the centre's staff see.
     */
    public record CalendarEntry(String bookingId, String seriesId, String resourceId, String resourceName, String centreId,
                                BookingStatus status,
                                LocalDate date, LocalDateTime localStart, LocalDateTime localEnd, OffsetDateTime start,
                                OffsetDateTime end, String visibility, String title, String purpose, String partnerId,
                                String partnerName, Integer attendees, String targetGroup, boolean flagged) {
    }

    /** A day or an ISO week (Monday to Sunday, both dates inclusive) of a resource's or a centre's calendar. */
    public record CalendarView(String scope, String id, String name, String view, LocalDate from, LocalDate to, String timeZone,
                               List<CalendarEntry> entries) {
    }

    public record HistoryEntry(String eventType, OffsetDateTime at, String actor, String summary) {
    }

    /**
     * A booking with everything that happened to it: in full for its partner's members and the centre's staff, for
     * anyone else reduced by {@link Disclosures} (visibility applied; never purpose, note, flag reason or history).
     */
    public record BookingView(String id, String resourceId, String resourceName, String centreId, String partnerId,
                              String partnerName, String partnerSector, String seriesId, String waitlistEntryId,
                              BookingStatus status, boolean awaitsApproval, OffsetDateTime start, OffsetDateTime end,
                              LocalDateTime localStart, LocalDateTime localEnd, LocalDateTime originalLocalStart,
                              boolean late, String statusReason, boolean flagged, String flagReason, boolean fromWaitlist,
                              String title, String purpose, Integer attendees, String targetGroup, String visibility,
                              String offerId, String meetingId, int version, OffsetDateTime requestedAt,
                              OffsetDateTime updatedAt, List<HistoryEntry> history) {
    }

    /** A booking in a list (a partner's bookings, the occurrences of a series). */
    public record BookingSummary(String id, String resourceId, String resourceName, String centreId, String partnerId,
                                 String seriesId, BookingStatus status, boolean awaitsApproval, OffsetDateTime start,
                                 OffsetDateTime end, LocalDateTime localStart, LocalDateTime localEnd, boolean late,
                                 boolean flagged, String title, String visibility, int version) {
    }

    public record SeriesExdate(LocalDate date, String reason) {
    }

    public record SeriesView(String id, String resourceId, String resourceName, String centreId, String partnerId,
                             String partnerName, String rrule, OffsetDateTime firstStart, OffsetDateTime firstEnd,
                             LocalDateTime firstLocalStart, LocalDateTime firstLocalEnd, boolean bookedConfirmed,
                             String title, String purpose, Integer attendees, String targetGroup, String visibility,
                             List<SeriesExdate> exdates, int version, OffsetDateTime requestedAt, OffsetDateTime updatedAt,
                             List<BookingSummary> occurrences, List<HistoryEntry> history) {
    }

    public record PendingOccurrence(String bookingId, LocalDateTime localStart, LocalDateTime localEnd) {
    }

    /**
     * A request waiting for the manager: one booking ({@code kind} BOOKING), or every pending occurrence of a
     * series together ({@code kind} SERIES, with {@code seriesId} and the occurrences; start and end are the first's).
     */
    public record Approval(String kind, String bookingId, String seriesId, String resourceId, String resourceName,
                           String partnerId, String partnerName, String title, String purpose, Integer attendees,
                           String targetGroup, String visibility, OffsetDateTime requestedAt, LocalDateTime localStart, LocalDateTime localEnd,
                           OffsetDateTime start, OffsetDateTime end, List<PendingOccurrence> occurrences) {
    }

    public record FreeResource(String resourceId, String name, String kind, Integer capacity, List<String> features,
                               int cleaningBufferMinutes, boolean approvalRequired) {
    }

    /** Another slot of the same length on suitable resources, when none is free at the time asked for. */
    public record AlternativeSlot(LocalDate date, LocalTime from, LocalTime to, OffsetDateTime start, OffsetDateTime end,
                                  List<FreeResource> resources) {
    }

    public record FreeSlots(String centreId, LocalDate date, LocalTime from, LocalTime to, Integer attendees,
                            List<String> features, List<FreeResource> free, List<AlternativeSlot> alternatives) {
    }

    public record PartnerHours(String partnerId, String name, String sector, double hours, double peakHours, double share) {
    }

    public record SectorHours(String sector, double hours, double share) {
    }

    /** Confirmed hours in a period, counted on the local date a booking starts; shares are fractions of the period's hours. */
    public record FairnessPeriod(String period, LocalDate from, LocalDate to, double hours, double peakHours,
                                 double offPeakHours, double peakShare, List<PartnerHours> partners,
                                 List<SectorHours> sectors) {
    }

    public record FairnessReport(String centreId, LocalDate from, LocalDate to, String by, List<TimeWindow> peakHours,
                                 List<FairnessPeriod> periods, FairnessPeriod total) {
    }

    public record WaitlistEntryView(String id, String resourceId, String partnerId, LocalDateTime localStart,
                                    LocalDateTime localEnd, String title, String status, String bookingId, OffsetDateTime joinedAt) {
    }

    /** Part of a longer list: the rows, and where the next part starts (null on the last). */
    public record Page<T>(List<T> items, Cursor next) {
    }
}
