package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.BookingPermissions.Disclosure;
import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingSummary;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarEntry;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.booking.query.Views.WaitlistEntryView;
import java.util.List;

/**
 * Every read that returns a booking's details passes through here: the queries load the whole row, and each row
 * is reduced to what {@link BookingPermissions#disclosure} lets this viewer see. One place, so that no endpoint
 * can forget the rule (the purpose and a BUSY booking's title reach only the booking partner and the centre's staff).
 */
public final class Disclosures {

    private Disclosures() {
    }

    public static CalendarView calendar(CalendarView view, Viewer viewer) {
        return new CalendarView(view.scope(), view.id(), view.name(), view.view(), view.from(), view.to(), view.timeZone(),
                view.entries().stream().map(e -> entry(e, viewer)).toList());
    }

    static CalendarEntry entry(CalendarEntry e, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, e.partnerId(), e.centreId(), e.visibility());
        return new CalendarEntry(e.bookingId(), e.seriesId(), e.resourceId(), e.resourceName(), e.centreId(), e.status(), e.date(),
                e.localStart(), e.localEnd(), e.start(), e.end(), e.visibility(), d.title() ? e.title() : null,
                d.internal() ? e.purpose() : null, d.organiser() ? e.partnerId() : null, d.organiser() ? e.partnerName() : null,
                d.organiser() ? e.attendees() : null, d.organiser() ? e.targetGroup() : null, e.flagged());
    }

    public static BookingView booking(BookingView b, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, b.partnerId(), b.centreId(), b.visibility());
        if (d.full()) {
            return b;
        }
        boolean o = d.organiser();
        return new BookingView(b.id(), b.resourceId(), b.resourceName(), b.centreId(), o ? b.partnerId() : null,
                o ? b.partnerName() : null, o ? b.partnerSector() : null, b.seriesId(), null, b.status(), b.awaitsApproval(),
                b.start(), b.end(), b.localStart(), b.localEnd(), b.originalLocalStart(), b.late(), null, b.flagged(), null,
                b.fromWaitlist(), d.title() ? b.title() : null, null, o ? b.attendees() : null, o ? b.targetGroup() : null,
                b.visibility(), o ? b.offerId() : null, o ? b.meetingId() : null, b.version(), b.requestedAt(), b.updatedAt(),
                List.of());
    }

    public static SeriesView series(SeriesView s, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, s.partnerId(), s.centreId(), s.visibility());
        if (d.full()) {
            return s;
        }
        boolean o = d.organiser();
        return new SeriesView(s.id(), s.resourceId(), s.resourceName(), s.centreId(), o ? s.partnerId() : null,
                o ? s.partnerName() : null, s.rrule(), s.firstStart(), s.firstEnd(), s.firstLocalStart(), s.firstLocalEnd(),
                s.bookedConfirmed(), d.title() ? s.title() : null, null, o ? s.attendees() : null, o ? s.targetGroup() : null,
                s.visibility(), s.exdates(), s.version(), s.requestedAt(), s.updatedAt(),
                s.occurrences().stream().map(b -> summary(b, viewer)).toList(), List.of());
    }

    /**
     * A row of a list. Its partner stays (the lists that hold summaries are a partner's own list and a series that
     * already answered who it is for); a BUSY booking's title goes for anyone else.
     */
    public static BookingSummary summary(BookingSummary b, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, b.partnerId(), b.centreId(), b.visibility());
        if (d.title()) {
            return b;
        }
        return new BookingSummary(b.id(), b.resourceId(), b.resourceName(), b.centreId(), b.partnerId(), b.seriesId(), b.status(),
                b.awaitsApproval(), b.start(), b.end(), b.localStart(), b.localEnd(), b.late(), b.flagged(), null, b.visibility(),
                b.version());
    }

    public static List<BookingSummary> summaries(List<BookingSummary> rows, Viewer viewer) {
        return rows.stream().map(b -> summary(b, viewer)).toList();
    }

    /** A request in the manager's queue. */
    public static Approval approval(Approval a, String centreId, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, a.partnerId(), centreId, a.visibility());
        if (d.full()) {
            return a;
        }
        boolean o = d.organiser();
        return new Approval(a.kind(), a.bookingId(), a.seriesId(), a.resourceId(), a.resourceName(), o ? a.partnerId() : null,
                o ? a.partnerName() : null, d.title() ? a.title() : null, null, o ? a.attendees() : null,
                o ? a.targetGroup() : null, a.visibility(), a.requestedAt(), a.localStart(), a.localEnd(), a.start(), a.end(), a.occurrences());
    }

    /** Who waits is the centre's and the waiting partner's business; the place in the queue is anyone's. */
    public static WaitlistEntryView waitlistEntry(WaitlistEntryView w, String centreId, Viewer viewer) {
        Disclosure d = BookingPermissions.disclosure(viewer, w.partnerId(), centreId, "BUSY");
        if (d.full()) {
            return w;
        }
        return new WaitlistEntryView(w.id(), w.resourceId(), null, w.localStart(), w.localEnd(), null, w.status(), w.bookingId(),
                w.joinedAt());
    }
}
