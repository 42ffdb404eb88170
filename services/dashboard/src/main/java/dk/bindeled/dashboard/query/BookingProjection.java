package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingFlagged;
import dk.bindeled.events.booking.v1.BookingMoved;
import dk.bindeled.events.booking.v1.BookingLapsed;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.BookingRejected;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.ResourceDefined;
import dk.bindeled.events.booking.v1.SeriesBooked;
import dk.bindeled.events.booking.v1.SeriesOccurrence;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.booking.v1.WaitlistOfferLapsed;
import dk.bindeled.events.booking.v1.WaitlistOffered;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Applies {@code bindeled.booking.v1} events to the read model, with the inbox guarantees of
 * {@link InboxProjection}: centres with their opening hours, resources, and the confirmed bookings the
 * info screens and the utilisation figures are made of.
 *
 * <ul>
 *   <li>Only confirmed bookings are kept: {@link BookingConfirmed} (complete in itself, so also an occurrence
 *       of a requested series), and every occurrence of a {@link SeriesBooked} that is {@code confirmed}.
 *       Requests and waitlist offers only reach the feed of changes.</li>
 *   <li>Cancelled, rejected and lapsed bookings are removed; a moved booking gets its new times.</li>
 *   <li>A flagged booking is marked (counted per centre for its manager), never shown on a screen.</li>
 * </ul>
 *
 * <p>Events of one resource arrive in order (the resource id is the record key); centre events are keyed by
 * centre and may come before or after the bookings of the centre, so nothing here relies on them.
 * Feed sentences carry a booking's title and organiser only when the booking is {@link Visibility#PUBLIC}:
 * the feed is shown on the overview page, which anyone in the house may see.
 */
@Component
public class BookingProjection extends InboxProjection {

    private final ZoneId defaultZone;

    public BookingProjection(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Clock clock) {
        super(BookingEvent.class, jdbc, transactions, publisher, clock);
        this.defaultZone = clock.getZone();
    }

    @Override
    protected String project(IntegrationEvent event, OffsetDateTime at) {
        if (event instanceof CentreDefined e) {
            return defineCentre(e, at);
        }
        if (event instanceof ResourceDefined e) {
            return defineResource(e, at);
        }
        if (event instanceof BookingRequested e) {
            Slot slot = slot(e.bookingId(), e.start(), e.end());
            return "Booking ønsket: " + describe(e.resourceId(), e.centreId(), slot, e.visibility(), e.title(), e.partnerId());
        }
        if (event instanceof BookingConfirmed e) {
            return confirm(e, at);
        }
        if (event instanceof BookingRejected e) {
            removeBooking(e.bookingId());
            return "Booking afvist: " + place(e.resourceId(), e.centreId());
        }
        if (event instanceof BookingCancelled e) {
            return cancel(e);
        }
        if (event instanceof BookingLapsed e) {
            // Only a request lapses, and requests are not stored; removed all the same, as on a rejection.
            Slot slot = slot(e.bookingId(), e.start(), e.end());
            removeBooking(e.bookingId());
            return "Booking bortfaldet, ikke besvaret i tide: " + place(e.resourceId(), e.centreId()) + ", " + when(slot, e.centreId());
        }
        if (event instanceof BookingMoved e) {
            return move(e, at);
        }
        if (event instanceof SeriesBooked e) {
            return bookSeries(e, at);
        }
        if (event instanceof WaitlistOffered e) {
            Slot slot = slot(e.bookingId(), e.start(), e.end());
            return "Ledig tid tilbudt fra ventelisten: " + place(e.resourceId(), e.centreId()) + ", " + when(slot, e.centreId());
        }
        if (event instanceof WaitlistOfferLapsed e) {
            return "Tilbud fra ventelisten bortfaldet, ikke besvaret i tide: " + place(e.resourceId(), e.centreId());
        }
        if (event instanceof BookingFlagged e) {
            return flag(e, at);
        }
        if (event instanceof BookingRefused e) {
            // A meeting's room that never became a booking: nothing to keep or show, a line in the feed.
            String time = e.start() == null || e.end() == null || e.centreId() == null ? "" : ", " + when(e.start(), e.end(), e.centreId());
            return "Lokale til et møde ikke booket: " + place(e.resourceId(), e.centreId()) + time + " – "
                    + DanishLabels.refusalReason(e.refusal()).toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("No projection for " + event.getClass().getName());
    }

    private String defineCentre(CentreDefined e, OffsetDateTime at) {
        int updated = jdbc.sql("UPDATE booking_centres SET name = ?, address = ?, time_zone = ?, updated_at = ? WHERE centre_id = ?")
                .params(e.name(), e.address(), e.timeZone(), at, e.centreId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO booking_centres (centre_id, name, address, time_zone, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(e.centreId(), e.name(), e.address(), e.timeZone(), at)
                    .update();
        }
        // The event carries all opening hours, so they replace the stored ones.
        jdbc.sql("DELETE FROM centre_opening_hours WHERE centre_id = ?").param(e.centreId()).update();
        List<OpeningHours> hours = e.openingHours() == null ? List.of() : e.openingHours();
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours window = hours.get(i);
            jdbc.sql("INSERT INTO centre_opening_hours (centre_id, window_no, day_of_week, opens, closes) VALUES (?, ?, ?, ?, ?)")
                    .params(e.centreId(), i, window.day().getValue(), window.opens(), window.closes())
                    .update();
        }
        publisher.publishEvent(CentreScheduleChanged.wholeSchedule(e.centreId()));
        return (updated == 0 ? "Nyt hus i lokalebookingen: " : "Hus opdateret: ") + e.name();
    }

    private String defineResource(ResourceDefined e, OffsetDateTime at) {
        Optional<String> previousCentre = jdbc.sql("SELECT centre_id FROM booking_resources WHERE resource_id = ?")
                .param(e.resourceId())
                .query(String.class)
                .optional();
        if (previousCentre.isPresent()) {
            jdbc.sql("UPDATE booking_resources SET centre_id = ?, name = ?, kind = ?, capacity = ?, updated_at = ? WHERE resource_id = ?")
                    .params(e.centreId(), e.name(), e.kind().name(), e.capacity(), at, e.resourceId())
                    .update();
            if (!previousCentre.get().equals(e.centreId())) {
                publisher.publishEvent(CentreScheduleChanged.wholeSchedule(previousCentre.get()));
            }
        } else {
            jdbc.sql("""
                            INSERT INTO booking_resources (resource_id, centre_id, name, kind, capacity, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(e.resourceId(), e.centreId(), e.name(), e.kind().name(), e.capacity(), at)
                    .update();
        }
        publisher.publishEvent(CentreScheduleChanged.wholeSchedule(e.centreId()));
        String announcement;
        if (previousCentre.isPresent()) {
            announcement = DanishLabels.resourceKind(e.kind()) + " opdateret: ";
        } else {
            announcement = switch (e.kind()) {
                case ROOM -> "Nyt lokale: ";
                case FACILITY -> "Ny facilitet: ";
                case EQUIPMENT -> "Nyt udstyr: ";
            };
        }
        return announcement + e.name() + " i " + centreName(e.centreId());
    }

    private String confirm(BookingConfirmed e, OffsetDateTime at) {
        Slot slot = slot(e.bookingId(), e.start(), e.end());
        Optional<StoredBooking> before = storedBooking(e.bookingId());
        saveBooking(e.bookingId(), e.resourceId(), e.centreId(), e.partnerId(), e.seriesId(), slot, e.visibility(), e.title(), at);
        before.ifPresent(previous -> scheduleChanged(previous.centreId(), previous.slot()));
        scheduleChanged(e.centreId(), slot);
        return "Booking bekræftet" + (e.fromWaitlist() ? " fra ventelisten: " : ": ")
                + describe(e.resourceId(), e.centreId(), slot, e.visibility(), e.title(), e.partnerId());
    }

    /** A cancellation is applied even when its times are missing or odd: the stored booking says what it was. */
    private String cancel(BookingCancelled e) {
        Optional<StoredBooking> stored = storedBooking(e.bookingId());
        removeBooking(e.bookingId());
        Optional<Slot> announced = e.start() != null && e.end() != null && e.end().isAfter(e.start())
                ? Optional.of(new Slot(e.start(), e.end()))
                : Optional.empty();
        stored.ifPresent(booking -> scheduleChanged(booking.centreId(), booking.slot()));
        announced.ifPresent(slot -> scheduleChanged(e.centreId(), slot));
        Optional<Slot> slot = announced.or(() -> stored.map(StoredBooking::slot));
        // Without the stored booking its visibility is unknown: described as if it were busy.
        String what = stored.filter(b -> b.visibility() == Visibility.PUBLIC)
                .map(b -> headline(b.title(), b.partnerId()) + " – ")
                .orElse("");
        return "Booking aflyst: " + what + place(e.resourceId(), e.centreId()) + slot.map(s -> ", " + when(s, e.centreId())).orElse("")
                + (e.late() ? " (sen aflysning)" : "");
    }

    private String move(BookingMoved e, OffsetDateTime at) {
        Slot to = slot(e.bookingId(), e.start(), e.end());
        Optional<StoredBooking> stored = storedBooking(e.bookingId());
        jdbc.sql("UPDATE bookings SET starts_at = ?, ends_at = ?, updated_at = ? WHERE booking_id = ?")
                .params(utc(to.start()), utc(to.end()), at, e.bookingId())
                .update();
        stored.ifPresent(booking -> {
            scheduleChanged(booking.centreId(), booking.slot());
            scheduleChanged(e.centreId(), to);
        });
        String from = e.previousStart() == null || e.previousEnd() == null ? "" : when(e.previousStart(), e.previousEnd(), e.centreId()) + " → ";
        String what = stored.filter(b -> b.visibility() == Visibility.PUBLIC)
                .map(b -> headline(b.title(), b.partnerId()) + " – ")
                .orElse("");
        return "Booking flyttet: " + what + place(e.resourceId(), e.centreId()) + ", " + from + when(to, e.centreId());
    }

    private String bookSeries(SeriesBooked e, OffsetDateTime at) {
        List<SeriesOccurrence> occurrences = e.occurrences() == null ? List.of() : e.occurrences();
        List<Slot> slots = occurrences.stream().map(o -> slot(o.bookingId(), o.start(), o.end())).toList();
        if (e.confirmed()) {
            for (int i = 0; i < occurrences.size(); i++) {
                saveBooking(occurrences.get(i).bookingId(), e.resourceId(), e.centreId(), e.partnerId(), e.seriesId(), slots.get(i),
                        e.visibility(), e.title(), at);
            }
            if (!slots.isEmpty()) {
                Instant first = slots.stream().map(Slot::start).min(Comparator.naturalOrder()).orElseThrow().toInstant();
                Instant last = slots.stream().map(Slot::end).max(Comparator.naturalOrder()).orElseThrow().toInstant();
                publisher.publishEvent(new CentreScheduleChanged(e.centreId(), first, last));
            }
        }
        String what = e.visibility() == Visibility.PUBLIC ? headline(e.title(), e.partnerId()) + " – " : "";
        String times = slots.stream().map(Slot::start).min(Comparator.naturalOrder())
                .map(first -> ", " + slots.size() + (slots.size() == 1 ? " gang" : " gange") + " fra "
                        + DanishLabels.shortDate(first.atZoneSameInstant(zone(e.centreId())).toLocalDate()))
                .orElse(", ingen datoer");
        return (e.confirmed() ? "Fast booking: " : "Fast booking ønsket: ") + what + place(e.resourceId(), e.centreId()) + times;
    }

    private String flag(BookingFlagged e, OffsetDateTime at) {
        String reason = e.reason() == null ? "UNSPECIFIED" : e.reason().name();
        jdbc.sql("UPDATE bookings SET flag_reason = ?, updated_at = ? WHERE booking_id = ?")
                .params(reason, at, e.bookingId())
                .update();
        String time = e.start() == null || e.end() == null ? "" : ", " + when(e.start(), e.end(), e.centreId());
        return "Booking kræver opmærksomhed: " + place(e.resourceId(), e.centreId()) + time
                + (e.reason() == null ? "" : " – " + DanishLabels.flagReason(e.reason()));
    }

    /** Inserts or replaces a confirmed booking. The title of a BUSY booking is never stored, whatever the event carries. */
    private void saveBooking(String bookingId, String resourceId, String centreId, String partnerId, String seriesId, Slot slot,
                             Visibility visibility, String title, OffsetDateTime at) {
        String storedTitle = visibility == Visibility.BUSY ? null : title;
        int updated = jdbc.sql("""
                        UPDATE bookings SET resource_id = ?, centre_id = ?, partner_id = ?, series_id = ?, starts_at = ?, ends_at = ?,
                                            visibility = ?, title = ?, flag_reason = NULL, updated_at = ?
                        WHERE booking_id = ?""")
                .params(resourceId, centreId, partnerId, seriesId, utc(slot.start()), utc(slot.end()), visibility.name(), storedTitle,
                        at, bookingId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO bookings (booking_id, resource_id, centre_id, partner_id, series_id, starts_at, ends_at,
                                                  visibility, title, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(bookingId, resourceId, centreId, partnerId, seriesId, utc(slot.start()), utc(slot.end()),
                            visibility.name(), storedTitle, at)
                    .update();
        }
    }

    private void removeBooking(String bookingId) {
        jdbc.sql("DELETE FROM bookings WHERE booking_id = ?").param(bookingId).update();
    }

    private Optional<StoredBooking> storedBooking(String bookingId) {
        return jdbc.sql("SELECT centre_id, partner_id, starts_at, ends_at, visibility, title FROM bookings WHERE booking_id = ?")
                .param(bookingId)
                .query((rs, row) -> new StoredBooking(rs.getString("centre_id"), rs.getString("partner_id"),
                        new Slot(rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class)),
                        Visibility.valueOf(rs.getString("visibility")), rs.getString("title")))
                .optional();
    }

    private void scheduleChanged(String centreId, Slot slot) {
        publisher.publishEvent(new CentreScheduleChanged(centreId, slot.start().toInstant(), slot.end().toInstant()));
    }

    /**
     * A booking's time. One that ends before it starts is not a valid event of the contract (the schema cannot
     * say so): dead-lettered at once rather than retried.
     */
    private static Slot slot(String bookingId, OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new UnreadableEventException("Booking " + bookingId + " does not end after it starts (" + start + " to " + end + ")");
        }
        return new Slot(start, end);
    }

    /** "Babycafé (Sundhedsplejen Morsø) – Mødelokalet i Kvarterhuset på Motalavej, 24. nov. 10.00–12.00"; only PUBLIC shows what and who. */
    private String describe(String resourceId, String centreId, Slot slot, Visibility visibility, String title, String partnerId) {
        String what = visibility == Visibility.PUBLIC ? headline(title, partnerId) + " – " : "";
        return what + place(resourceId, centreId) + ", " + when(slot, centreId);
    }

    private String headline(String title, String partnerId) {
        String organiser = partnerName(partnerId);
        return title == null || title.isBlank() ? organiser : title + " (" + organiser + ")";
    }

    private String place(String resourceId, String centreId) {
        String resource = jdbc.sql("SELECT name FROM booking_resources WHERE resource_id = ?")
                .param(resourceId)
                .query(String.class)
                .optional()
                .orElse("ressource " + resourceId);
        return resource + " i " + centreName(centreId);
    }

    private String centreName(String centreId) {
        return jdbc.sql("SELECT name FROM booking_centres WHERE centre_id = ?")
                .param(centreId)
                .query(String.class)
                .optional()
                .orElse(centreId);
    }

    private String when(Slot slot, String centreId) {
        return when(slot.start(), slot.end(), centreId);
    }

    /** "24. nov. 10.00–12.00", or "24. nov. 22.00–25. nov. 01.00" across midnight, in the centre's time zone. */
    private String when(OffsetDateTime start, OffsetDateTime end, String centreId) {
        ZoneId zone = zone(centreId);
        ZonedDateTime from = start.atZoneSameInstant(zone);
        ZonedDateTime to = end.atZoneSameInstant(zone);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return DanishLabels.shortDate(from.toLocalDate()) + " " + DanishLabels.timeRange(from, to);
        }
        return DanishLabels.shortDate(from.toLocalDate()) + " " + DanishLabels.clock(from.toLocalTime()) + "–"
                + DanishLabels.shortDate(to.toLocalDate()) + " " + DanishLabels.clock(to.toLocalTime());
    }

    private ZoneId zone(String centreId) {
        String timeZone = jdbc.sql("SELECT time_zone FROM booking_centres WHERE centre_id = ?")
                .param(centreId)
                .query(String.class)
                .optional()
                .orElse(null);
        return CentreQueries.zone(timeZone, defaultZone);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Slot(OffsetDateTime start, OffsetDateTime end) {
    }

    private record StoredBooking(String centreId, String partnerId, Slot slot, Visibility visibility, String title) {
    }
}
