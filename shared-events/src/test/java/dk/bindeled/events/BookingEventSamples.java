package dk.bindeled.events;

import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingFlagged;
import dk.bindeled.events.booking.v1.BookingLapsed;
import dk.bindeled.events.booking.v1.BookingMoved;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.BookingRejected;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceDefined;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.SeriesBooked;
import dk.bindeled.events.booking.v1.SeriesOccurrence;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.booking.v1.WaitlistOffered;
import dk.bindeled.events.booking.v1.WaitlistOfferLapsed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One realistic sample of every v1 booking event: the hall (salen) of Kvarterhuset på Motalavej, booked by
 * the health visitors (Sundhedsplejen) for their baby café on Tuesday evenings. Times are Copenhagen local
 * time with their offset, so the series crosses the change to summer time.
 */
final class BookingEventSamples {

    static final String CENTRE = "motalavej";
    static final String RESOURCE = "motalavej-salen";
    /** The same partner as in {@link PartnerEventSamples}: bookings refer to partners by their registry id. */
    static final String PARTNER = PartnerEventSamples.PARTNER;
    static final String MANAGER = "3e6f1d2a-9c41-4b8e-a5f0-6d2b7c9e4a10";
    static final String WAITING_PARTNER = "c4a9e7b1-2d3f-4e5a-8b6c-0f1e2d3c4b5a";
    static final String BOOKING = "0b9d8f3e-5a21-4c6b-9e7d-1f2a3b4c5d6e";
    static final String SERIES = "5f4e3d2c-1b0a-4987-a6b5-c4d3e2f1a0b9";

    private static final ZoneOffset WINTER = ZoneOffset.ofHours(1);
    private static final ZoneOffset SUMMER = ZoneOffset.ofHours(2);
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 10, 17, 0, 0, 0, WINTER);
    private static final OffsetDateTime END = START.plusHours(2);

    private BookingEventSamples() {
    }

    static List<BookingEvent> all() {
        return List.of(
                new CentreDefined(CENTRE, "Kvarterhuset på Motalavej", "Motalavej 6, 4220 Korsør", "Europe/Copenhagen", MANAGER,
                        List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(21, 0)),
                                new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(21, 0)),
                                new OpeningHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(21, 0)),
                                new OpeningHours(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(21, 0)),
                                new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(15, 30)),
                                new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))),
                        48),
                new ResourceDefined(RESOURCE, CENTRE, "Salen", ResourceKind.ROOM, 80, List.of("projektor", "lydanlæg", "køkken"),
                        30, true),
                new BookingRequested(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, Visibility.PUBLIC, "Babycafé for unge mødre",
                        14, "YOUNG_MOTHERS", null),
                new BookingConfirmed(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, Visibility.PUBLIC, "Babycafé for unge mødre",
                        14, "YOUNG_MOTHERS", null, false),
                new BookingRejected("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", RESOURCE, CENTRE, WAITING_PARTNER,
                        RejectionReason.ROOM_NEEDED_ELSEWHERE),
                new BookingCancelled(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, true, CancellationReason.ORGANISER_UNAVAILABLE),
                new BookingMoved(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, START.plusDays(1), END.plusDays(1)),
                new BookingLapsed("8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d", RESOURCE, CENTRE, WAITING_PARTNER, START.plusWeeks(2),
                        END.plusWeeks(2)),
                new SeriesBooked(SERIES, RESOURCE, CENTRE, PARTNER, Visibility.TITLE_ONLY, "Babycafé", 12, "YOUNG_MOTHERS",
                        "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
                        List.of(new SeriesOccurrence("6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", START, END),
                                new SeriesOccurrence("6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3e", START.plusWeeks(1), END.plusWeeks(1)),
                                new SeriesOccurrence("6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3f",
                                        OffsetDateTime.of(2026, 3, 31, 17, 0, 0, 0, SUMMER),
                                        OffsetDateTime.of(2026, 3, 31, 19, 0, 0, 0, SUMMER))),
                        List.of(LocalDate.of(2026, 3, 24)), false),
                new WaitlistOffered("e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f", "7c6b5a4f-3e2d-4c1b-a09f-8e7d6c5b4a39", RESOURCE, CENTRE,
                        WAITING_PARTNER, START, END),
                new WaitlistOfferLapsed("e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f", "7c6b5a4f-3e2d-4c1b-a09f-8e7d6c5b4a39", RESOURCE, CENTRE,
                        WAITING_PARTNER),
                new BookingFlagged(BOOKING, RESOURCE, CENTRE, PARTNER, START.plusWeeks(4), END.plusWeeks(4),
                        BookingFlagged.FlagReason.PARTNER_DEACTIVATED),
                new BookingRefused("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", RESOURCE, CENTRE, PARTNER, START.plusDays(3), END.plusDays(3),
                        RefusalReason.QUOTA_EXCEEDED, "quota-exceeded", "7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098"),
                new BookingConfirmed("4c3b2a19-0f8e-4d7c-b6a5-948372615a0b", RESOURCE, CENTRE, PARTNER, START.plusDays(7), END.plusDays(7),
                        Visibility.TITLE_ONLY, "Husrådsmøde", 8, null, null, false, "7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098"));
    }

    /** A booking shown only as busy: no title, and nothing else that describes it. */
    static BookingConfirmed busy() {
        return new BookingConfirmed("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", RESOURCE, CENTRE, "8f7e6d5c-4b3a-4928-a1b0-c9d8e7f6a5b4",
                START.plusDays(2), END.plusDays(2), Visibility.BUSY, null, null, null, null, false);
    }

    /** Every type with each of its optional (nullable) fields left out. */
    static List<BookingEvent> minimal() {
        return List.of(
                new CentreDefined(CENTRE, "Kvarterhuset på Motalavej", null, "Europe/Copenhagen", null, List.of(), 0),
                new ResourceDefined("motalavej-projektor", CENTRE, "Projektor", ResourceKind.EQUIPMENT, null, List.of(), 0, false),
                new BookingRequested(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, Visibility.BUSY, null, null, null, null),
                busy(),
                new BookingCancelled(BOOKING, RESOURCE, CENTRE, PARTNER, START, END, false, null),
                new BookingRejected(BOOKING, RESOURCE, CENTRE, PARTNER, null),
                new BookingRefused(BOOKING, "no-such-room", null, PARTNER, null, null, RefusalReason.UNKNOWN_RESOURCE, null, null),
                new SeriesBooked(SERIES, RESOURCE, CENTRE, PARTNER, Visibility.BUSY, null, null, null, "FREQ=WEEKLY;COUNT=1",
                        List.of(new SeriesOccurrence(BOOKING, START, END)), List.of(), true));
    }
}
