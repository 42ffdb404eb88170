package dk.bindeled.dashboard.query;

import dk.bindeled.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.bindeled.events.IsoWeek;
import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingFlagged;
import dk.bindeled.events.booking.v1.BookingMoved;
import dk.bindeled.events.booking.v1.BookingLapsed;
import dk.bindeled.events.booking.v1.BookingRejected;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceDefined;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.SeriesBooked;
import dk.bindeled.events.booking.v1.SeriesOccurrence;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.booking.v1.WaitlistOfferLapsed;
import dk.bindeled.events.booking.v1.WaitlistOffered;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each booking event does to the read model, what the info screen and the utilisation figures make of
 * it, and the inbox guarantees. Runs against PostgreSQL and H2 in PostgreSQL mode, like the partner projection.
 *
 * <p>"Now" is Tuesday 24 November 2026, 10.15 in Copenhagen (09.15 UTC), in ISO week 48.
 */
abstract class BookingProjectionContract {

    static final String TOPIC = "bindeled.booking.v1";
    static final Instant NOW = Instant.parse("2026-11-24T09:15:00Z");
    static final String MOTALAVEJ = "motalavej";
    static final String SALEN = "motalavej-salen";
    static final String KITCHEN = "motalavej-koekken";
    static final String PROJECTOR = "motalavej-projektor";
    static final String MORSOE = "sundhedsplejen-morsoe";
    static final String SUMAK = "cafe-sumak";

    private final List<Object> published = new ArrayList<>();
    private OffsetDateTime nextTime = OffsetDateTime.parse("2026-11-20T09:00:00+01:00");

    final MutableClock clock = new MutableClock(NOW);
    JdbcClient jdbc;
    BookingProjection projection;
    PartnerProjection partners;
    CentreQueries queries;
    DashboardQueries overview;

    private SingleConnectionDataSource dataSource;

    /** A fresh, empty database for each test, on one connection (the projection runs on one consumer thread). */
    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        projection = new BookingProjection(jdbc, transactions, published::add, clock);
        partners = new PartnerProjection(jdbc, transactions, event -> { }, clock);
        queries = new CentreQueries(jdbc, transactions, clock, Duration.ofSeconds(60));
        overview = new DashboardQueries(jdbc, transactions);
        partners.apply(PartnerEventsV1.CATALOG.topic(), receivedPartner(new PartnerRegistered(MORSOE, "Sundhedsplejen Morsø",
                Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT, null, null, null, null, null)));
        partners.apply(PartnerEventsV1.CATALOG.topic(), receivedPartner(new PartnerRegistered(SUMAK, "Café Sumak",
                Sector.PRIVATE, PartnerKind.SOCIAL_ECONOMY_BUSINESS, null, null, null, null, null)));
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    // --- centres and resources

    @Test
    void aDefinedCentreIsListedWithItsResources() {
        ProjectionResult result = apply(motalavej());
        apply(salen());
        apply(room(KITCHEN, "Køkkenet", ResourceKind.FACILITY));

        assertThat(result.change().summary()).isEqualTo("Nyt hus i lokalebookingen: Kvarterhuset på Motalavej");
        assertThat(queries.centres()).containsExactly(
                new CentreSummary(MOTALAVEJ, "Kvarterhuset på Motalavej", "Motalavej 2, 4220 Korsør", 2, 0));
        assertThat(queries.exists(MOTALAVEJ)).isTrue();
        assertThat(queries.exists("hedemarken")).isFalse();
    }

    @Test
    void aRedefinedCentreReplacesItsNameAndOpeningHours() {
        apply(motalavej());

        ProjectionResult result = apply(new CentreDefined(MOTALAVEJ, "Kvarterhuset", null, "Europe/Copenhagen", null,
                List.of(new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(17, 0), LocalTime.of(21, 30))), 24));

        assertThat(result.change().summary()).isEqualTo("Hus opdateret: Kvarterhuset");
        CentreToday today = queries.today(MOTALAVEJ);
        assertThat(today.centreName()).isEqualTo("Kvarterhuset");
        assertThat(today.openingHours()).containsExactly("08.00–12.00", "17.00–21.30");
        assertThat(count("centre_opening_hours")).isEqualTo(2);
    }

    @Test
    void resourcesAreAnnouncedByKindAndRenamed() {
        apply(motalavej());

        assertThat(apply(salen()).change().summary()).isEqualTo("Nyt lokale: Salen i Kvarterhuset på Motalavej");
        assertThat(apply(room(KITCHEN, "Køkkenet", ResourceKind.FACILITY)).change().summary())
                .isEqualTo("Ny facilitet: Køkkenet i Kvarterhuset på Motalavej");
        assertThat(apply(room(PROJECTOR, "Projektor", ResourceKind.EQUIPMENT)).change().summary())
                .isEqualTo("Nyt udstyr: Projektor i Kvarterhuset på Motalavej");
        assertThat(apply(room(SALEN, "Den store sal", ResourceKind.ROOM)).change().summary())
                .isEqualTo("Lokale opdateret: Den store sal i Kvarterhuset på Motalavej");
        assertThat(count("booking_resources")).isEqualTo(3);
    }

    // --- the info screen

    @Test
    void confirmedBookingsOfTodayAreSplitIntoNowAndLater() {
        defineHouse();
        apply(confirmed("b-now", SALEN, MORSOE, "2026-11-24T09:30", "2026-11-24T11:00", Visibility.PUBLIC, "Babycafé"));
        apply(confirmed("b-later", KITCHEN, SUMAK, "2026-11-24T13:00", "2026-11-24T14:00", Visibility.PUBLIC, "Fællesspisning"));
        apply(confirmed("b-ended", SALEN, SUMAK, "2026-11-24T08:00", "2026-11-24T09:30", Visibility.PUBLIC, "Morgenkaffe"));
        apply(confirmed("b-yesterday", SALEN, SUMAK, "2026-11-23T13:00", "2026-11-23T14:00", Visibility.PUBLIC, "I går"));
        apply(confirmed("b-tomorrow", SALEN, SUMAK, "2026-11-25T00:30", "2026-11-25T02:00", Visibility.PUBLIC, "I morgen"));
        apply(confirmed("b-other-centre", "hedemarken-sal", SUMAK, "2026-11-24T10:00", "2026-11-24T12:00", Visibility.PUBLIC,
                "Andet hus", "hedemarken"));

        CentreToday today = queries.today(MOTALAVEJ);

        assertThat(today.centreName()).isEqualTo("Kvarterhuset på Motalavej");
        assertThat(today.date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(today.dateLabel()).isEqualTo("tirsdag 24. november");
        assertThat(today.timeZone()).isEqualTo("Europe/Copenhagen");
        assertThat(today.now()).isEqualTo(NOW);
        assertThat(today.clock()).isEqualTo("10.15");
        assertThat(today.openingHours()).containsExactly("09.00–17.00");
        assertThat(today.current()).containsExactly(new CentreToday.ScreenBooking("b-now", local("2026-11-24T09:30").toInstant(),
                local("2026-11-24T11:00").toInstant(), "09.30–11.00", "Salen", "Babycafé", "Sundhedsplejen Morsø", false));
        assertThat(today.later()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::time,
                        CentreToday.ScreenBooking::resource, CentreToday.ScreenBooking::title, CentreToday.ScreenBooking::organiser)
                .containsExactly(tuple("b-later", "13.00–14.00", "Køkkenet", "Fællesspisning", "Café Sumak"));
        // The next change is 11.00, 45 minutes away: ask again after the refresh interval.
        assertThat(today.refreshSeconds()).isEqualTo(60);
    }

    @Test
    void theComingDaysShowTheirPublicBookingsOnly() {
        defineHouse();
        apply(confirmed("b-tomorrow", SALEN, SUMAK, "2026-11-25T00:30", "2026-11-25T02:00", Visibility.PUBLIC, "I morgen"));
        apply(confirmed("b-busy", KITCHEN, SUMAK, "2026-11-26T13:00", "2026-11-26T14:00", Visibility.BUSY, "Hemmeligt"));
        apply(confirmed("b-title-only", KITCHEN, SUMAK, "2026-11-26T15:00", "2026-11-26T16:00", Visibility.TITLE_ONLY, "Kun titel"));
        apply(confirmed("b-thursday", SALEN, MORSOE, "2026-11-26T14:00", "2026-11-26T16:00", Visibility.PUBLIC, "Babycafé"));
        apply(confirmed("b-seventh-day", SALEN, SUMAK, "2026-12-01T10:00", "2026-12-01T11:00", Visibility.PUBLIC, "Om en uge"));
        apply(confirmed("b-eighth-day", SALEN, SUMAK, "2026-12-02T10:00", "2026-12-02T11:00", Visibility.PUBLIC, "For langt ude"));

        CentreToday today = queries.today(MOTALAVEJ);

        assertThat(today.later()).isEmpty();
        assertThat(today.coming()).extracting(CentreToday.ComingDay::date, CentreToday.ComingDay::dateLabel)
                .containsExactly(tuple(LocalDate.of(2026, 11, 25), "onsdag 25. november"),
                        tuple(LocalDate.of(2026, 11, 26), "torsdag 26. november"),
                        tuple(LocalDate.of(2026, 12, 1), "tirsdag 1. december"));
        assertThat(today.coming().get(1).bookings()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::time,
                        CentreToday.ScreenBooking::title, CentreToday.ScreenBooking::organiser)
                .containsExactly(tuple("b-thursday", "14.00–16.00", "Babycafé", "Sundhedsplejen Morsø"));
        assertThat(today.coming()).flatExtracting(CentreToday.ComingDay::bookings).extracting(CentreToday.ScreenBooking::title)
                .doesNotContain("Hemmeligt", "Kun titel", "Optaget", "For langt ude");
    }

    @Test
    void theSplitFollowsTheClockAndTheScreenAsksAgainJustAfterTheNextChange() {
        defineHouse();
        apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T10:30", "2026-11-24T11:00", Visibility.PUBLIC, "Babycafé"));

        clock.set(local("2026-11-24T10:29:30").toInstant());
        CentreToday before = queries.today(MOTALAVEJ);
        assertThat(before.current()).isEmpty();
        assertThat(before.later()).extracting(CentreToday.ScreenBooking::bookingId).containsExactly("b1");
        assertThat(before.refreshSeconds()).isEqualTo(31);

        clock.set(local("2026-11-24T10:30").toInstant());
        assertThat(queries.today(MOTALAVEJ).current()).extracting(CentreToday.ScreenBooking::bookingId).containsExactly("b1");

        clock.set(local("2026-11-24T11:00").toInstant());
        CentreToday after = queries.today(MOTALAVEJ);
        assertThat(after.current()).isEmpty();
        assertThat(after.later()).isEmpty();
    }

    @Test
    void requestedBookingsAreNotShownUntilConfirmed() {
        defineHouse();
        apply(new BookingRequested("r1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"), local("2026-11-24T13:00"),
                Visibility.PUBLIC, "Netværksmøde", 12, null, null));
        ProjectionResult series = apply(new SeriesBooked("s1", SALEN, MOTALAVEJ, SUMAK, Visibility.PUBLIC, "Lektiecafé", 20, null,
                "FREQ=WEEKLY;COUNT=2", List.of(
                        new SeriesOccurrence("s1-1", local("2026-11-24T15:00"), local("2026-11-24T17:00")),
                        new SeriesOccurrence("s1-2", local("2026-12-01T15:00"), local("2026-12-01T17:00"))),
                List.of(), false));
        apply(new WaitlistOffered("w1", "r2", SALEN, MOTALAVEJ, SUMAK, local("2026-11-24T18:00"), local("2026-11-24T19:00")));

        assertThat(queries.today(MOTALAVEJ).later()).isEmpty();
        assertThat(count("bookings")).isZero();
        assertThat(series.change().summary()).isEqualTo("Fast booking ønsket: Lektiecafé (Café Sumak) – Salen i Kvarterhuset på Motalavej, 2 gange fra 24. nov.");

        // The centre manager approves the first occurrence of the requested series.
        ProjectionResult confirmed = apply(new BookingConfirmed("s1-1", SALEN, MOTALAVEJ, SUMAK, local("2026-11-24T15:00"),
                local("2026-11-24T17:00"), Visibility.PUBLIC, "Lektiecafé", 20, null, "s1", false));

        assertThat(confirmed.change().summary())
                .isEqualTo("Booking bekræftet: Lektiecafé (Café Sumak) – Salen i Kvarterhuset på Motalavej, 24. nov. 15.00–17.00");
        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::title)
                .containsExactly(tuple("s1-1", "Lektiecafé"));
        assertThat(jdbc.sql("SELECT series_id FROM bookings WHERE booking_id = 's1-1'").query(String.class).single()).isEqualTo("s1");
    }

    /**
     * A meeting's room refused by room booking's rules (booking.v1's newest type) is a line in the feed, and the next
     * booking of the same room is kept: the projection once threw for it, and a valid event that fails is retried for
     * ever, so the room's partition stood still and its bookings never reached the screens.
     */
    @Test
    void aRoomRefusedToAMeetingIsALineInTheFeedAndTheRoomsNextBookingIsShown() {
        defineHouse();
        ProjectionResult refused = apply(new BookingRefused("m1-room", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T17:00"), local("2026-11-24T19:00"),
                RefusalReason.TIME_TAKEN, "time-taken", "meeting-1"));
        ProjectionResult unknown = apply(new BookingRefused("m2-room", "no-such-room", null, MORSOE, null, null, RefusalReason.UNKNOWN_RESOURCE,
                "unknown-resource", "meeting-2"));
        apply(new BookingConfirmed("b1", SALEN, MOTALAVEJ, SUMAK, local("2026-11-24T10:00"), local("2026-11-24T11:00"), Visibility.PUBLIC,
                "Babycafé", 12, null, null, false));

        assertThat(refused.change().summary())
                .isEqualTo("Lokale til et møde ikke booket: Salen i Kvarterhuset på Motalavej, 24. nov. 17.00–19.00 – lokalet er optaget på det tidspunkt");
        assertThat(unknown.change().summary()).startsWith("Lokale til et møde ikke booket: ressource no-such-room");
        assertThat(count("bookings")).isEqualTo(1);
    }

    @Test
    void lapsedRequestsAndOffersAreOnlyALineInTheFeedAndNeverCounted() {
        defineHouse();
        apply(new BookingRequested("r1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"), local("2026-11-24T13:00"),
                Visibility.PUBLIC, "Netværksmøde", 12, null, null));
        apply(new WaitlistOffered("w1", "r2", SALEN, MOTALAVEJ, SUMAK, local("2026-11-24T18:00"), local("2026-11-24T19:00")));

        ProjectionResult lapsed = apply(new BookingLapsed("r1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"),
                local("2026-11-24T13:00")));
        ProjectionResult offerLapsed = apply(new WaitlistOfferLapsed("w1", "r2", SALEN, MOTALAVEJ, SUMAK));

        assertThat(count("bookings")).isZero();
        assertThat(queries.today(MOTALAVEJ).later()).isEmpty();
        assertThat(lapsed.change().summary())
                .isEqualTo("Booking bortfaldet, ikke besvaret i tide: Salen i Kvarterhuset på Motalavej, 24. nov. 12.00–13.00");
        assertThat(offerLapsed.change().summary())
                .isEqualTo("Tilbud fra ventelisten bortfaldet, ikke besvaret i tide: Salen i Kvarterhuset på Motalavej");
    }

    @Test
    void aConfirmedSeriesAddsEveryOccurrence() {
        defineHouse();

        ProjectionResult result = apply(new SeriesBooked("s2", SALEN, MOTALAVEJ, MORSOE, Visibility.PUBLIC, "Babycafé", 16, null,
                "FREQ=WEEKLY;COUNT=3", List.of(
                        new SeriesOccurrence("s2-1", local("2026-11-17T13:00"), local("2026-11-17T15:00")),
                        new SeriesOccurrence("s2-2", local("2026-11-24T13:00"), local("2026-11-24T15:00")),
                        new SeriesOccurrence("s2-3", local("2026-12-01T13:00"), local("2026-12-01T15:00"))),
                List.of(LocalDate.of(2026, 12, 8)), true));

        assertThat(result.change().summary()).isEqualTo("Fast booking: Babycafé (Sundhedsplejen Morsø) – Salen i Kvarterhuset på Motalavej, 3 gange fra 17. nov.");
        assertThat(count("bookings")).isEqualTo(3);
        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::time)
                .containsExactly(tuple("s2-2", "13.00–15.00"));
        assertThat(published).contains(new CentreScheduleChanged(MOTALAVEJ, local("2026-11-17T13:00").toInstant(),
                local("2026-12-01T15:00").toInstant()));
    }

    @Test
    void cancelledAndRejectedBookingsDisappearAndMovedOnesMove() {
        defineHouse();
        apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        apply(confirmed("b2", KITCHEN, SUMAK, "2026-11-24T14:00", "2026-11-24T15:00", Visibility.PUBLIC, "Madklub"));
        apply(confirmed("b3", SALEN, SUMAK, "2026-11-24T16:00", "2026-11-24T17:00", Visibility.BUSY, null));

        ProjectionResult moved = apply(new BookingMoved("b1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"), local("2026-11-24T13:00"),
                local("2026-11-24T10:00"), local("2026-11-24T11:30")));
        ProjectionResult cancelled = apply(new BookingCancelled("b2", KITCHEN, MOTALAVEJ, SUMAK, local("2026-11-24T14:00"),
                local("2026-11-24T15:00"), true, CancellationReason.ORGANISER_UNAVAILABLE));
        ProjectionResult rejected = apply(new BookingRejected("b3", SALEN, MOTALAVEJ, SUMAK, RejectionReason.ROOM_NEEDED_ELSEWHERE));

        CentreToday today = queries.today(MOTALAVEJ);
        assertThat(today.current()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::time)
                .containsExactly(tuple("b1", "10.00–11.30"));
        assertThat(today.later()).isEmpty();
        assertThat(moved.change().summary())
                .isEqualTo("Booking flyttet: Babycafé (Sundhedsplejen Morsø) – Salen i Kvarterhuset på Motalavej, 24. nov. 12.00–13.00 → 24. nov. 10.00–11.30");
        assertThat(cancelled.change().summary())
                .isEqualTo("Booking aflyst: Madklub (Café Sumak) – Køkkenet i Kvarterhuset på Motalavej, 24. nov. 14.00–15.00 (sen aflysning)");
        assertThat(rejected.change().summary()).isEqualTo("Booking afvist: Salen i Kvarterhuset på Motalavej");
    }

    @Test
    void theScreenShowsOnlyPublicTitlesAndOrganisersAndNeverSendsAnotherTitle() {
        defineHouse();
        apply(confirmed("b-public", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        ProjectionResult titleOnly = apply(confirmed("b-title-only", KITCHEN, SUMAK, "2026-11-24T12:00", "2026-11-24T13:00",
                Visibility.TITLE_ONLY, "Personalemøde om Ahmed"));
        // The contract leaves the title out of BUSY bookings; should one ever carry it, it is still not kept.
        ProjectionResult busy = apply(confirmed("b-busy", SALEN, SUMAK, "2026-11-24T14:00", "2026-11-24T15:00", Visibility.BUSY,
                "Samtalegruppe for voldsramte"));

        CentreToday today = queries.today(MOTALAVEJ);

        assertThat(today.later())
                .extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::title, CentreToday.ScreenBooking::organiser,
                        CentreToday.ScreenBooking::resource, CentreToday.ScreenBooking::busy)
                .containsExactly(
                        tuple("b-title-only", "Optaget", null, "Køkkenet", true),
                        tuple("b-public", "Babycafé", "Sundhedsplejen Morsø", "Salen", false),
                        tuple("b-busy", "Optaget", null, "Salen", true));
        String json = JsonMapper.builder().build().writeValueAsString(today);
        assertThat(json).contains("Babycafé").doesNotContain("Personalemøde").doesNotContain("Samtalegruppe").doesNotContain("Café Sumak");
        assertThat(jdbc.sql("SELECT title FROM bookings WHERE booking_id = 'b-busy'").query(String.class).optional()).isEmpty();
        // The feed of changes is shown on the overview page: no title or organiser of a booking that is not PUBLIC.
        assertThat(titleOnly.change().summary()).isEqualTo("Booking bekræftet: Køkkenet i Kvarterhuset på Motalavej, 24. nov. 12.00–13.00");
        assertThat(busy.change().summary()).isEqualTo("Booking bekræftet: Salen i Kvarterhuset på Motalavej, 24. nov. 14.00–15.00");
    }

    @Test
    void equipmentIsNotShownOnTheScreen() {
        defineHouse();
        apply(room(PROJECTOR, "Projektor", ResourceKind.EQUIPMENT));
        apply(confirmed("b-projector", PROJECTOR, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Foredrag"));
        apply(confirmed("b-unknown-room", "motalavej-ny", MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Foredrag"));

        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::bookingId, CentreToday.ScreenBooking::resource)
                .containsExactly(tuple("b-unknown-room", null));
    }

    @Test
    void bookingsArrivingBeforeTheirCentreAndRoomAreShownOnceTheseAreDefined() {
        apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        assertThatThrownBy(() -> queries.today(MOTALAVEJ)).isInstanceOf(CentreNotFoundException.class);

        defineHouse();

        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::resource).containsExactly("Salen");
    }

    @Test
    void flaggedBookingsAreCountedForTheCentreAndStayOnTheScreen() {
        defineHouse();
        apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        apply(confirmed("b-past", SALEN, MORSOE, "2026-11-23T12:00", "2026-11-23T13:00", Visibility.PUBLIC, "Babycafé"));

        ProjectionResult flagged = apply(new BookingFlagged("b1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"),
                local("2026-11-24T13:00"), BookingFlagged.FlagReason.PARTNER_DEACTIVATED));
        apply(new BookingFlagged("b-past", SALEN, MOTALAVEJ, MORSOE, local("2026-11-23T12:00"),
                local("2026-11-23T13:00"), BookingFlagged.FlagReason.PARTNER_LEFT_CENTRE));

        assertThat(flagged.change().summary())
                .isEqualTo("Booking kræver opmærksomhed: Salen i Kvarterhuset på Motalavej, 24. nov. 12.00–13.00 – aktøren er deaktiveret");
        assertThat(queries.centres()).extracting(CentreSummary::flaggedBookings).containsExactly(1L);
        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::bookingId).containsExactly("b1");
    }

    @Test
    void anUnknownCentreIsNotFound() {
        assertThatThrownBy(() -> queries.today("hedemarken")).isInstanceOf(CentreNotFoundException.class).hasMessageContaining("hedemarken");
        assertThatThrownBy(() -> queries.utilisation("hedemarken", null)).isInstanceOf(CentreNotFoundException.class);
    }

    // --- inbox guarantees

    @Test
    void aRedeliveredEventChangesNothing() {
        defineHouse();
        ReceivedEvent confirmed = received(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        assertThat(projection.apply(TOPIC, confirmed).kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
        CentreToday before = queries.today(MOTALAVEJ);
        long changesBefore = count("latest_changes");
        int publishedBefore = published.size();

        ProjectionResult again = projection.apply(TOPIC, confirmed);

        assertThat(again.kind()).isEqualTo(ProjectionResult.Kind.DUPLICATE);
        assertThat(queries.today(MOTALAVEJ)).isEqualTo(before);
        assertThat(count("bookings")).isEqualTo(1);
        assertThat(count("latest_changes")).isEqualTo(changesBefore);
        assertThat(published).hasSize(publishedBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox WHERE ce_id = ?").param(confirmed.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRedeliveredCancellationDoesNotRemoveTheBookingConfirmedAgainSince() {
        defineHouse();
        apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        ReceivedEvent cancelled = received(new BookingCancelled("b1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"),
                local("2026-11-24T13:00"), false, null));
        projection.apply(TOPIC, cancelled);
        // Offered again from the waitlist and taken: the same booking id holds the slot once more.
        apply(new BookingConfirmed("b1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"), local("2026-11-24T13:00"),
                Visibility.PUBLIC, "Babycafé", null, null, null, true));

        projection.apply(TOPIC, cancelled);

        assertThat(queries.today(MOTALAVEJ).later()).extracting(CentreToday.ScreenBooking::bookingId).containsExactly("b1");
    }

    @Test
    void anUnknownTypeIsRecordedAndOtherwiseIgnored() {
        ReceivedEvent future = new ReceivedEvent(UUID.randomUUID().toString(), "dk.bindeled.booking.RoomCleaned.v1",
                BookingEventsV1.SOURCE, nextTime(), SALEN, null);
        long changesBefore = count("latest_changes");

        assertThat(projection.apply(TOPIC, future).kind()).isEqualTo(ProjectionResult.Kind.SKIPPED);
        assertThat(projection.apply(TOPIC, future).kind()).isEqualTo(ProjectionResult.Kind.DUPLICATE);
        assertThat(count("latest_changes")).isEqualTo(changesBefore);
        assertThat(published).isEmpty();
    }

    @Test
    void aBookingThatDoesNotEndAfterItStartsIsUnreadableAndLeavesNothingBehind() {
        defineHouse();
        ReceivedEvent backwards = received(confirmed("b1", SALEN, MORSOE, "2026-11-24T13:00", "2026-11-24T12:00", Visibility.PUBLIC, "Baglæns"));
        long inboxBefore = count("inbox");

        assertThatThrownBy(() -> projection.apply(TOPIC, backwards)).isInstanceOf(UnreadableEventException.class).hasMessageContaining("b1");

        assertThat(count("bookings")).isZero();
        assertThat(count("inbox")).isEqualTo(inboxBefore);
    }

    @Test
    void appliedBookingsAreInTheFeedAndAnnouncedForTheScreensOfTheirCentre() {
        defineHouse();
        published.clear();

        ProjectionResult result = apply(confirmed("b1", SALEN, MORSOE, "2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Babycafé"));
        ProjectionResult moved = apply(new BookingMoved("b1", SALEN, MOTALAVEJ, MORSOE, local("2026-11-24T12:00"),
                local("2026-11-24T13:00"), local("2026-11-25T12:00"), local("2026-11-25T13:00")));

        // Both the old and the new time are announced: screens showing either day must change.
        assertThat(published).containsExactly(
                new CentreScheduleChanged(MOTALAVEJ, local("2026-11-24T12:00").toInstant(), local("2026-11-24T13:00").toInstant()),
                new ChangeApplied(result.change()),
                new CentreScheduleChanged(MOTALAVEJ, local("2026-11-24T12:00").toInstant(), local("2026-11-24T13:00").toInstant()),
                new CentreScheduleChanged(MOTALAVEJ, local("2026-11-25T12:00").toInstant(), local("2026-11-25T13:00").toInstant()),
                new ChangeApplied(moved.change()));
        assertThat(result.change().type()).isEqualTo("dk.bindeled.booking.BookingConfirmed.v1");
        assertThat(result.change().subject()).isEqualTo(SALEN);
        assertThat(overview.overview(DashboardQueries.MAX_CHANGES).latestChanges().get(0).summary()).startsWith("Booking flyttet: ");
    }

    // --- utilisation

    @Test
    void utilisationIsBookedHoursPerResourceAgainstTheWeeksOpenHours() {
        defineHouse();
        apply(room(PROJECTOR, "Projektor", ResourceKind.EQUIPMENT));
        apply(confirmed("tue", SALEN, MORSOE, "2026-11-24T10:00", "2026-11-24T12:00", Visibility.PUBLIC, "Babycafé"));
        // Outside opening hours still counts: the room was booked.
        apply(confirmed("wed-evening", SALEN, SUMAK, "2026-11-25T18:00", "2026-11-25T21:00", Visibility.BUSY, null));
        apply(new SeriesBooked("s1", SALEN, MOTALAVEJ, SUMAK, Visibility.PUBLIC, "Lektiecafé", null, null, "FREQ=WEEKLY;COUNT=2", List.of(
                new SeriesOccurrence("s1-1", local("2026-11-26T09:00"), local("2026-11-26T10:30")),
                new SeriesOccurrence("s1-2", local("2026-12-03T09:00"), local("2026-12-03T10:30"))), List.of(), true));
        // Across the end of the week: only the hour before midnight on Sunday belongs to week 48.
        apply(confirmed("sun-night", SALEN, SUMAK, "2026-11-29T23:00", "2026-11-30T01:00", Visibility.PUBLIC, "Nattevagt"));
        apply(confirmed("cancelled", KITCHEN, SUMAK, "2026-11-27T10:00", "2026-11-27T12:00", Visibility.PUBLIC, "Aflyst"));
        apply(new BookingCancelled("cancelled", KITCHEN, MOTALAVEJ, SUMAK, local("2026-11-27T10:00"), local("2026-11-27T12:00"), false, null));
        apply(confirmed("previous-week", KITCHEN, SUMAK, "2026-11-20T10:00", "2026-11-20T12:00", Visibility.PUBLIC, "Sidste uge"));

        Utilisation week = queries.utilisation(MOTALAVEJ, IsoWeek.parse("2026-W48"));

        assertThat(week.week()).isEqualTo("2026-W48");
        assertThat(week.weekNumber()).isEqualTo(48);
        assertThat(week.firstDay()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.lastDay()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week.label()).isEqualTo("uge 48 (23.–29. november 2026)");
        assertThat(week.previousWeek()).isEqualTo("2026-W47");
        assertThat(week.nextWeek()).isEqualTo("2026-W49");
        // Monday to Friday 09.00–17.00 and Saturday 10.00–14.00.
        assertThat(week.openHours()).isEqualTo(44.0);
        assertThat(week.resources()).containsExactly(
                new Utilisation.ResourceUse(KITCHEN, "Køkkenet", "FACILITY", "Facilitet", 0.0, 44.0, 0.0),
                new Utilisation.ResourceUse(PROJECTOR, "Projektor", "EQUIPMENT", "Udstyr", 0.0, 44.0, 0.0),
                new Utilisation.ResourceUse(SALEN, "Salen", "ROOM", "Lokale", 7.5, 44.0, 17.0));
        assertThat(queries.utilisation(MOTALAVEJ, null)).isEqualTo(week);
    }

    @Test
    void openHoursFollowDaylightSavingAndWindowsPastMidnight() {
        // Sunday 25 October 2026 the clocks go back at 03.00: a night open 00.00–06.00 lasts seven hours.
        apply(new CentreDefined("natcafe", "Natcaféen", null, "Europe/Copenhagen", null, List.of(
                new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(6, 0)),
                new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.of(2, 0))), 0));
        apply(new ResourceDefined("natcafe-stue", "natcafe", "Stuen", ResourceKind.ROOM, 10, List.of(), 0, false));
        apply(confirmed("n1", "natcafe-stue", SUMAK, "2026-10-25T01:00", "2026-10-25T04:00", Visibility.PUBLIC, "Natcafé", "natcafe"));

        Utilisation week = queries.utilisation("natcafe", IsoWeek.parse("2026-W43"));

        // Friday 20.00 to Saturday 02.00 is six hours; Sunday 00.00–06.00 is seven; the booking 01.00–04.00 four.
        assertThat(week.openHours()).isEqualTo(13.0);
        assertThat(week.resources()).extracting(Utilisation.ResourceUse::bookedHours, Utilisation.ResourceUse::utilisationPercent)
                .containsExactly(tuple(4.0, 30.8));
    }

    @Test
    void aCentreWithoutOpeningHoursHasNoUtilisationPercentage() {
        apply(new CentreDefined("lukket", "Det lukkede hus", null, "Europe/Copenhagen", null, List.of(), 0));
        apply(new ResourceDefined("lukket-sal", "lukket", "Salen", ResourceKind.ROOM, 10, List.of(), 0, false));
        apply(confirmed("x1", "lukket-sal", SUMAK, "2026-11-24T10:00", "2026-11-24T11:00", Visibility.PUBLIC, "Alligevel", "lukket"));

        Utilisation week = queries.utilisation("lukket", IsoWeek.parse("2026-W48"));

        assertThat(week.openHours()).isZero();
        assertThat(week.resources()).extracting(Utilisation.ResourceUse::bookedHours, Utilisation.ResourceUse::utilisationPercent)
                .containsExactly(tuple(1.0, null));
        assertThat(queries.today("lukket").openingHours()).isEmpty();
    }

    @Test
    void roomUseByWeekReadsEveryCentresRoomsOverARangeOfWeeksAtOnce() {
        defineHouse();
        apply(room("motalavej-moede", "Mødelokalet", ResourceKind.ROOM));
        apply(new CentreDefined("lukket", "Det lukkede hus", null, "Europe/Copenhagen", null, List.of(), 0));
        apply(new ResourceDefined("lukket-sal", "lukket", "Salen", ResourceKind.ROOM, 10, List.of(), 0, false));
        apply(confirmed("w48-a", SALEN, MORSOE, "2026-11-24T10:00", "2026-11-24T12:00", Visibility.PUBLIC, "Babycafé"));
        // Two bookings of the same room that overlap count their overlap once; another room adds its own hours.
        apply(confirmed("w48-b", SALEN, SUMAK, "2026-11-24T11:00", "2026-11-24T13:00", Visibility.BUSY, null));
        apply(confirmed("w48-c", "motalavej-moede", SUMAK, "2026-11-26T09:00", "2026-11-26T10:30", Visibility.BUSY, null));
        // A facility is not a room: the kitchen is left out.
        apply(confirmed("w48-kitchen", KITCHEN, SUMAK, "2026-11-25T10:00", "2026-11-25T16:00", Visibility.BUSY, null));
        // Across Sunday midnight: one hour in week 48, one in week 49.
        apply(confirmed("sun-night", SALEN, SUMAK, "2026-11-29T23:00", "2026-11-30T01:00", Visibility.PUBLIC, "Nattevagt"));
        apply(confirmed("w50", SALEN, SUMAK, "2026-12-08T09:00", "2026-12-08T10:00", Visibility.PUBLIC, "Uden for rækken"));

        RoomUseByWeek use = queries.roomUseByWeek(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W49"));

        assertThat(use.weeks()).extracting(RoomUseByWeek.Week::week, RoomUseByWeek.Week::weekNumber, RoomUseByWeek.Week::label)
                .containsExactly(tuple("2026-W47", 47, "uge 47 (16.–22. november 2026)"),
                        tuple("2026-W48", 48, "uge 48 (23.–29. november 2026)"),
                        tuple("2026-W49", 49, "uge 49 (30. november–6. december 2026)"));
        assertThat(use.centres()).extracting(RoomUseByWeek.CentreUse::centreName).containsExactly("Det lukkede hus", "Kvarterhuset på Motalavej");
        RoomUseByWeek.CentreUse motalavej = use.centres().get(1);
        assertThat(motalavej.rooms()).isEqualTo(2);
        // 44 open hours a week for each of two rooms; week 48: 3 + 1.5 + 1 booked hours.
        assertThat(motalavej.weeks()).containsExactly(
                new RoomUseByWeek.WeekUse("2026-W47", 0.0, 88.0, 0.0),
                new RoomUseByWeek.WeekUse("2026-W48", 5.5, 88.0, 6.3),
                new RoomUseByWeek.WeekUse("2026-W49", 1.0, 88.0, 1.1));
        // The same figures as the week-by-week reading, summed over the rooms.
        double rooms48 = queries.utilisation(MOTALAVEJ, IsoWeek.parse("2026-W48")).resources().stream()
                .filter(r -> "ROOM".equals(r.kind())).mapToDouble(Utilisation.ResourceUse::bookedHours).sum();
        assertThat(rooms48).isEqualTo(5.5);
        assertThat(use.centres().get(0).weeks()).extracting(RoomUseByWeek.WeekUse::openHours, RoomUseByWeek.WeekUse::utilisationPercent)
                .containsOnly(tuple(0.0, null));
    }

    @Test
    void roomUseByWeekRefusesABackwardOrTooLongRange() {
        defineHouse();

        assertThatThrownBy(() -> queries.roomUseByWeek(IsoWeek.parse("2026-W49"), IsoWeek.parse("2026-W48")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.roomUseByWeek(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W27")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27");
        assertThat(queries.roomUseByWeek(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W26")).weeks()).hasSize(CentreQueries.MAX_WEEKS);
    }

    // --- helpers

    void defineHouse() {
        apply(motalavej());
        apply(salen());
        apply(room(KITCHEN, "Køkkenet", ResourceKind.FACILITY));
    }

    ProjectionResult apply(BookingEvent event) {
        return projection.apply(TOPIC, received(event));
    }

    ReceivedEvent received(BookingEvent event) {
        String type = BookingEventsV1.CATALOG.byClass(event.getClass()).type();
        return new ReceivedEvent(UUID.randomUUID().toString(), type, BookingEventsV1.SOURCE, nextTime(), event.subject(), event);
    }

    private ReceivedEvent receivedPartner(PartnerRegistered event) {
        String type = PartnerEventsV1.CATALOG.byClass(event.getClass()).type();
        return new ReceivedEvent(UUID.randomUUID().toString(), type, PartnerEventsV1.SOURCE, nextTime(), event.subject(), event);
    }

    private OffsetDateTime nextTime() {
        nextTime = nextTime.plusSeconds(1);
        return nextTime;
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** A local time in Copenhagen, e.g. "2026-11-24T09:30". */
    static OffsetDateTime local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.COPENHAGEN).toOffsetDateTime();
    }

    static CentreDefined motalavej() {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        hours.add(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        return new CentreDefined(MOTALAVEJ, "Kvarterhuset på Motalavej", "Motalavej 2, 4220 Korsør", "Europe/Copenhagen", SUMAK, hours, 48);
    }

    static ResourceDefined salen() {
        return room(SALEN, "Salen", ResourceKind.ROOM);
    }

    static ResourceDefined room(String resourceId, String name, ResourceKind kind) {
        return new ResourceDefined(resourceId, MOTALAVEJ, name, kind, 40, List.of("projektor"), 15, false);
    }

    static BookingConfirmed confirmed(String bookingId, String resourceId, String partnerId, String start, String end,
                                      Visibility visibility, String title) {
        return confirmed(bookingId, resourceId, partnerId, start, end, visibility, title, MOTALAVEJ);
    }

    static BookingConfirmed confirmed(String bookingId, String resourceId, String partnerId, String start, String end,
                                      Visibility visibility, String title, String centreId) {
        return new BookingConfirmed(bookingId, resourceId, centreId, partnerId, local(start), local(end), visibility, title,
                null, null, null, false);
    }
}
