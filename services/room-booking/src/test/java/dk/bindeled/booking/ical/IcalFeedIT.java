package dk.bindeled.booking.ical;

import static dk.bindeled.booking.query.CalendarFixtures.at;
import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.TimezoneAssignment;
import biweekly.property.ExceptionDates;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.query.CalendarFixtures;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The iCalendar feeds end to end: domain events appended to the event store, applied by the tracking
 * processor, served behind a token, and read back with two independent parsers (ical4j and biweekly), field by
 * field. The wire format is checked on the raw text: CRLF after every line, no line over 75 octets.
 */
class IcalFeedIT extends IntegrationTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final String LONG_TITLE = "Babycafé for unge mødre med sundhedsplejersken – æbleskiver, rødgrød og snak om søvn";

    @Autowired
    EventStore eventStore;

    CalendarFixtures events;
    String centre;
    String salen;
    String sumak;

    /** The fixtures' centres are made as events, not through the API: the house manager of this test manages them. */
    private final List<String> fixtureCentres = new java.util.ArrayList<>();

    @Override
    protected dk.bindeled.testsupport.TestIssuer.TestCaller houseManager() {
        return managerOf(fixtureCentres.toArray(String[]::new));
    }

    @BeforeEach
    void setUp() {
        events = CalendarFixtures.eventStore(eventStore, jdbc);
        centre = events.centre("ical");
        fixtureCentres.add(centre);
        salen = events.resource(centre, "Salen", 40, List.of("køkken"), 0, true);
        sumak = events.partner("Café Sumak", "PRIVATE");
    }

    // ------------------------------------------------------------------ single bookings

    @Test
    void aBookingIsAVeventWithAStableUidAndASequenceRaisedWhenItMoves() throws Exception {
        LocalDateTime start = LocalDateTime.of(2027, 3, 9, 10, 0);
        String id = events.confirmed(salen, centre, sumak, start, start.plusHours(2), details(LONG_TITLE, Visibility.PUBLIC));
        String token = token("/api/resources/" + salen + "/feed-tokens");

        String before = applied(() -> feed(salen, token));
        assertWireFormat(before);
        VEvent first = ical4jEvent(before, id + "@bindeled.dk");
        assertThat(value(first, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(first, Property.SUMMARY)).isEqualTo(LONG_TITLE);
        assertThat(value(first, Property.LOCATION)).isEqualTo("Salen");
        assertThat(value(first, Property.DESCRIPTION)).contains("Arrangør: Café Sumak", "Målgruppe: Småbørnsfamilier")
                .doesNotContain("Internt formål");
        assertThat(before).doesNotContain("Internt formål");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen");
        assertThat(first.getProperty(Property.DTSTAMP).orElseThrow().getValue()).endsWith("Z");

        events.resourceEvent(salen, new BookingMoved(id, salen, centre, sumak, at(start), at(start.plusHours(2)),
                at(start.plusDays(1).withHour(13)), at(start.plusDays(1).withHour(15)), null));
        String after = applied(() -> feed(salen, token));
        VEvent moved = ical4jEvent(after, id + "@bindeled.dk");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(moved, Property.DTSTART)).isEqualTo("20270310T130000");
        assertThat(value(moved, Property.DTEND)).isEqualTo("20270310T150000");

        ICalendar parsed = biweekly(after);
        biweekly.component.VEvent other = biweeklyEvent(parsed, id + "@bindeled.dk");
        assertThat(other.getSequence().getValue()).isEqualTo(1);
        assertThat(other.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(other.getSummary().getValue()).isEqualTo(LONG_TITLE);
        assertThat(other.getLocation().getValue()).isEqualTo("Salen");
        assertThat(local(other.getDateStart().getValue())).isEqualTo(LocalDateTime.of(2027, 3, 10, 13, 0));
        assertThat(tzid(parsed, other.getDateStart())).isEqualTo("Europe/Copenhagen");
    }

    @Test
    void statusesBusyBookingsAndTheTimezoneComeOutAsTheStandardSays() throws Exception {
        LocalDateTime day = LocalDateTime.of(2027, 3, 10, 9, 0);
        String busy = events.confirmed(salen, centre, sumak, day, day.plusHours(1), details("Samtale med familien Hansen", Visibility.BUSY));
        String titleOnly = events.confirmed(salen, centre, sumak, day.plusHours(2), day.plusHours(3),
                details("Netværksmøde", Visibility.TITLE_ONLY));
        String pending = events.requested(salen, centre, sumak, day.plusHours(4), day.plusHours(5), details("Afventer", Visibility.PUBLIC));
        String cancelled = events.confirmed(salen, centre, sumak, day.plusHours(6), day.plusHours(7), details("Aflyst", Visibility.PUBLIC));
        events.resourceEvent(salen, new BookingCancelled(cancelled, salen, centre, sumak, at(day.plusHours(6)), at(day.plusHours(7)),
                false, CancellationReason.ORGANISER_UNAVAILABLE, null, null));
        String rejected = events.requested(salen, centre, sumak, day.plusHours(8), day.plusHours(9), details("Afvist", Visibility.PUBLIC));
        events.resourceEvent(salen, new BookingRejected(rejected, salen, centre, sumak, RejectionReason.OTHER, null));
        String token = token("/api/centres/" + centre + "/feed-tokens");

        String text = applied(() -> feed("centres", centre, token));
        assertWireFormat(text);
        assertThat(text).doesNotContain("Familien Hansen").doesNotContain("familien Hansen").doesNotContain(rejected);

        VEvent hidden = ical4jEvent(text, busy + "@bindeled.dk");
        assertThat(value(hidden, Property.SUMMARY)).isEqualTo("Optaget");
        assertThat(hidden.getProperty(Property.DESCRIPTION)).isEmpty();
        VEvent title = ical4jEvent(text, titleOnly + "@bindeled.dk");
        assertThat(value(title, Property.SUMMARY)).isEqualTo("Netværksmøde");
        assertThat(title.getProperty(Property.DESCRIPTION)).isEmpty();
        assertThat(value(ical4jEvent(text, pending + "@bindeled.dk"), Property.STATUS)).isEqualTo("TENTATIVE");
        VEvent gone = ical4jEvent(text, cancelled + "@bindeled.dk");
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.SEQUENCE)).isEqualTo("1");

        Calendar calendar = ical4j(text);
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(z -> assertThat(z.getProperty(Property.TZID).orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen"));
        assertThat(value(calendar, "PRODID")).isEqualTo("-//Bindeled//Lokalebooking 1.0//DA");
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");

        ICalendar other = biweekly(text);
        assertThat(other.getTimezoneInfo().getComponents()).singleElement()
                .satisfies(z -> assertThat(z.getTimezoneId().getValue()).isEqualTo("Europe/Copenhagen"));
        assertThat(biweeklyEvent(text, busy + "@bindeled.dk").getSummary().getValue()).isEqualTo("Optaget");
        assertThat(biweeklyEvent(text, busy + "@bindeled.dk").getDescription()).isNull();
        assertThat(biweeklyEvent(text, cancelled + "@bindeled.dk").getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(biweeklyEvent(text, pending + "@bindeled.dk").getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(other.getEvents()).extracting(e -> e.getUid().getValue()).doesNotContain(rejected + "@bindeled.dk");
    }

    // ------------------------------------------------------------------ series

    @Test
    void aWeeklySeriesAt17StaysAt17AcrossBothDaylightSavingChanges() throws Exception {
        // Tuesdays 17–19 from 16 March to 2 November 2027: summer time starts Sunday 28 March, ends Sunday 31 October.
        LocalDateTime first = LocalDateTime.of(2027, 3, 16, 17, 0);
        LocalDate holiday = LocalDate.of(2027, 4, 13);
        SeriesBooked series = events.weeklySeries(salen, centre, sumak, first, first.plusHours(2), LocalDate.of(2027, 11, 2),
                List.of(holiday), true, details("Tirsdagstræf – kun for mænd", Visibility.PUBLIC));
        Occurrence cancelledOccurrence = occurrenceOn(series, LocalDate.of(2027, 5, 4));
        events.resourceEvent(salen, new BookingCancelled(cancelledOccurrence.bookingId(), salen, centre, sumak,
                cancelledOccurrence.start(), cancelledOccurrence.end(), false, CancellationReason.ROOM_UNAVAILABLE, "Helligdag",
                series.seriesId()));
        Occurrence movedOccurrence = occurrenceOn(series, LocalDate.of(2027, 6, 1));
        events.resourceEvent(salen, new BookingMoved(movedOccurrence.bookingId(), salen, centre, sumak, movedOccurrence.start(),
                movedOccurrence.end(), at(LocalDateTime.of(2027, 6, 1, 18, 0)), at(LocalDateTime.of(2027, 6, 1, 20, 0)),
                series.seriesId()));
        String token = token("/api/resources/" + salen + "/feed-tokens");
        String uid = series.seriesId() + "@bindeled.dk";

        String text = applied(() -> feed(salen, token));
        assertWireFormat(text);
        assertThat(text).doesNotContain(cancelledOccurrence.bookingId()).doesNotContain(movedOccurrence.bookingId());

        // ical4j
        Calendar calendar = ical4j(text);
        List<VEvent> withUid = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> uid.equals(value(e, Property.UID))).toList();
        assertThat(withUid).hasSize(2);
        VEvent master = withUid.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElseThrow();
        VEvent override = withUid.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()).findFirst().orElseThrow();
        assertThat(value(master, Property.DTSTART)).isEqualTo("20270316T170000");
        assertThat(master.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen");
        assertThat(value(master, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(master, Property.SEQUENCE)).isEqualTo("2");
        RRule<?> rrule = master.<RRule<?>>getProperty(Property.RRULE).orElseThrow();
        assertThat(rrule.getRecur().getFrequency().name()).isEqualTo("WEEKLY");
        assertThat(rrule.getRecur().getDayList()).extracting(Object::toString).containsExactly("TU");
        assertThat(java.time.Instant.from(rrule.getRecur().getUntil())).isEqualTo(java.time.Instant.parse("2027-11-02T16:00:00Z"));
        Property exdate = master.getProperty(Property.EXDATE).orElseThrow();
        assertThat(exdate.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Copenhagen");
        assertThat(exdate.getValue()).isEqualTo("20270413T170000,20270504T170000");
        assertThat(value(override, Property.RECURRENCE_ID)).isEqualTo("20270601T170000");
        assertThat(override.getProperty(Property.RECURRENCE_ID).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen");
        assertThat(value(override, Property.DTSTART)).isEqualTo("20270601T180000");
        assertThat(value(override, Property.SEQUENCE)).isEqualTo("2");

        ZonedDateTime from = LocalDateTime.of(2027, 3, 1, 0, 0).atZone(COPENHAGEN);
        Set<Period<Temporal>> set = master.calculateRecurrenceSet(new Period<>(from, from.plusYears(1)));
        List<ZonedDateTime> ical4jStarts = set.stream().map(p -> ZonedDateTime.from(p.getStart()).withZoneSameInstant(COPENHAGEN))
                .sorted().toList();
        List<LocalDate> expected = expectedDates(first.toLocalDate(), LocalDate.of(2027, 11, 2),
                List.of(holiday, LocalDate.of(2027, 5, 4)));
        assertThat(ical4jStarts).extracting(ZonedDateTime::toLocalDate).containsExactlyElementsOf(expected);
        assertThat(ical4jStarts).allSatisfy(start -> assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(17, 0)));
        assertOffsetsAcrossTheChanges(ical4jStarts);

        // biweekly, with the VTIMEZONE of the feed
        ICalendar other = biweekly(text);
        List<biweekly.component.VEvent> series2 = other.getEvents().stream().filter(e -> uid.equals(e.getUid().getValue())).toList();
        biweekly.component.VEvent master2 = series2.stream().filter(e -> e.getRecurrenceId() == null).findFirst().orElseThrow();
        biweekly.component.VEvent override2 = series2.stream().filter(e -> e.getRecurrenceId() != null).findFirst().orElseThrow();
        assertThat(master2.getRecurrenceRule().getValue().getFrequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(master2.getRecurrenceRule().getValue().getByDay()).extracting(d -> d.getDay().getAbbr()).containsExactly("TU");
        assertThat(master2.getRecurrenceRule().getValue().getUntil().toInstant()).isEqualTo(java.time.Instant.parse("2027-11-02T16:00:00Z"));
        assertThat(master2.getSequence().getValue()).isEqualTo(2);
        List<ICalDate> exdates = master2.getExceptionDates().stream().map(ExceptionDates::getValues)
                .flatMap(List::stream).toList();
        assertThat(exdates).extracting(IcalFeedIT::local)
                .containsExactly(LocalDateTime.of(2027, 4, 13, 17, 0), LocalDateTime.of(2027, 5, 4, 17, 0));
        assertThat(tzid(other, master2.getExceptionDates().get(0))).isEqualTo("Europe/Copenhagen");
        assertThat(tzid(other, master2.getDateStart())).isEqualTo("Europe/Copenhagen");
        assertThat(tzid(other, override2.getRecurrenceId())).isEqualTo("Europe/Copenhagen");
        assertThat(local(override2.getRecurrenceId().getValue())).isEqualTo(LocalDateTime.of(2027, 6, 1, 17, 0));
        assertThat(local(override2.getDateStart().getValue())).isEqualTo(LocalDateTime.of(2027, 6, 1, 18, 0));

        TimezoneAssignment zone = other.getTimezoneInfo().getTimezone(master2.getDateStart());
        assertThat(zone.getComponent()).isNotNull();
        List<ZonedDateTime> biweeklyStarts = new ArrayList<>();
        DateIterator dates = master2.getDateIterator(zone.getTimeZone());
        while (dates.hasNext()) {
            Date next = dates.next();
            biweeklyStarts.add(next.toInstant().atZone(COPENHAGEN));
        }
        assertThat(biweeklyStarts).extracting(ZonedDateTime::toLocalDate).containsExactlyElementsOf(expected);
        assertThat(biweeklyStarts).allSatisfy(start -> assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(17, 0)));
        assertThat(biweeklyStarts).isEqualTo(ical4jStarts);
    }

    @Test
    void aSeriesWithEveryOccurrenceCancelledStaysAsCancelledAndAPendingOneIsTentative() throws Exception {
        LocalDateTime first = LocalDateTime.of(2027, 3, 18, 10, 0);
        SeriesBooked pending = events.weeklySeries(salen, centre, sumak, first, first.plusHours(1), LocalDate.of(2027, 4, 1), List.of(),
                false, details("Lektiehjælp", Visibility.PUBLIC));
        LocalDateTime other = LocalDateTime.of(2027, 3, 19, 10, 0);
        SeriesBooked cancelled = events.weeklySeries(salen, centre, sumak, other, other.plusHours(1), LocalDate.of(2027, 3, 26), List.of(),
                true, details("Strikkeklub", Visibility.PUBLIC));
        for (Occurrence o : cancelled.occurrences()) {
            events.resourceEvent(salen, new BookingCancelled(o.bookingId(), salen, centre, sumak, o.start(), o.end(), false, CancellationReason.ROOM_UNAVAILABLE,
                    "Lukket", cancelled.seriesId()));
        }
        String token = token("/api/resources/" + salen + "/feed-tokens");

        String text = applied(() -> feed(salen, token));
        VEvent tentative = ical4jEvent(text, pending.seriesId() + "@bindeled.dk");
        assertThat(value(tentative, Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(value(tentative, Property.DESCRIPTION)).contains("Afventer godkendelse");
        VEvent gone = ical4jEvent(text, cancelled.seriesId() + "@bindeled.dk");
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.SEQUENCE)).isEqualTo("2");
        assertThat(biweeklyEvent(text, cancelled.seriesId() + "@bindeled.dk").getStatus().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void aFeedReachesFourHundredDaysAheadAndNoFurther() {
        // The clock stands at 1 March 2027: 1 March 2028 is 366 days ahead, 1 June 2028 is 458.
        LocalDateTime inside = LocalDateTime.of(2028, 3, 1, 10, 0);
        LocalDateTime beyond = LocalDateTime.of(2028, 6, 1, 10, 0);
        String near = events.confirmed(salen, centre, sumak, inside, inside.plusHours(1), details("Om et år", Visibility.PUBLIC));
        String far = events.confirmed(salen, centre, sumak, beyond, beyond.plusHours(1), details("Langt ude", Visibility.PUBLIC));
        SeriesBooked farSeries = events.weeklySeries(salen, centre, sumak, beyond.plusDays(1), beyond.plusDays(1).plusHours(1),
                beyond.plusDays(29).toLocalDate(), List.of(), true, details("Sommerhold", Visibility.PUBLIC));
        String token = token("/api/resources/" + salen + "/feed-tokens");

        String text = applied(() -> feed(salen, token));
        assertThat(text).contains("UID:" + near + "@bindeled.dk").doesNotContain(far).doesNotContain(farSeries.seriesId());
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void aFeedOpensOnlyWithItsOwnLiveTokenAndOtherwiseLooksLikeNothingIsThere() {
        String token = token("/api/resources/" + salen + "/feed-tokens");
        Response ok = call(HttpMethod.GET, "/ical/resources/" + salen + ".ics?token=" + token, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualToIgnoringCase("text/calendar;charset=utf-8");

        Response wrong = call(HttpMethod.GET, "/ical/resources/" + salen + ".ics?token=" + token.substring(1) + "A", null);
        Response missing = call(HttpMethod.GET, "/ical/resources/" + salen + ".ics", null);
        Response noSuchResource = call(HttpMethod.GET, "/ical/resources/no-such-room.ics?token=" + token, null);
        Response otherScope = call(HttpMethod.GET, "/ical/centres/" + centre + ".ics?token=" + token, null);
        for (Response refused : List.of(wrong, missing, noSuchResource, otherScope)) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("detail").asText()).isEqualTo("No such feed");
        }

        expect(204, call(HttpMethod.DELETE, "/api/feed-tokens/" + token, null));
        assertThat(call(HttpMethod.GET, "/ical/resources/" + salen + ".ics?token=" + token, null).status()).isEqualTo(404);
        expect(204, call(HttpMethod.DELETE, "/api/feed-tokens/" + token, null));
        assertThat(call(HttpMethod.DELETE, "/api/feed-tokens/not-a-token", null).status()).isEqualTo(404);

        String stored = jdbc.sql("SELECT token_hash FROM feed_token WHERE scope_id = ?").param(salen).query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(token);
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(call(HttpMethod.POST, "/api/resources/no-such-room/feed-tokens", null).status()).isEqualTo(404);
    }

    @Test
    void aPartnersFeedHoldsItsBookingsAtEveryCentreAndItsTokensAreListedAndRevokedById() throws Exception {
        String elsewhere = events.centre("ical-other");
        fixtureCentres.add(elsewhere);
        String hall = events.resource(elsewhere, "Festsalen", 80, List.of(), 0, false);
        LocalDateTime start = LocalDateTime.of(2027, 3, 9, 10, 0);
        String here = events.confirmed(salen, centre, sumak, start, start.plusHours(1), details("Fællesspisning", Visibility.PUBLIC));
        String there = events.confirmed(hall, elsewhere, sumak, start.plusDays(1), start.plusDays(1).plusHours(1),
                details("Samtale med familie", Visibility.BUSY));
        String token = expect(201, callAs(memberOf(sumak), HttpMethod.POST, "/api/partners/" + sumak + "/feed-tokens", null)).body()
                .get("token").asText();

        String feed = applied(() -> feed("partners", sumak, token));
        assertThat(feed).contains("UID:" + here + "@bindeled.dk", "UID:" + there + "@bindeled.dk", "X-WR-CALNAME:Café Sumak")
                // A subscribed calendar is easily shared on: the partner's own BUSY booking is still only "Optaget".
                .doesNotContain("Samtale med familie").doesNotContain("Internt formål");
        assertThat(call(HttpMethod.GET, "/ical/centres/" + centre + ".ics?token=" + token, null).status()).isEqualTo(404);

        Response listed = expect(200, callAs(memberOf(sumak), HttpMethod.GET, "/api/partners/" + sumak + "/feed-tokens", null));
        assertThat(listed.body()).hasSize(1);
        String id = listed.body().get(0).get("id").asText();
        assertThat(listed.body().get(0).get("scope").asText()).isEqualTo("PARTNER");
        assertThat(listed.text()).as("a list never shows the secret").doesNotContain(token);

        String centreToken = token("/api/centres/" + centre + "/feed-tokens");
        String roomToken = token("/api/resources/" + salen + "/feed-tokens");
        Response ofCentre = expect(200, call(HttpMethod.GET, "/api/centres/" + centre + "/feed-tokens", null));
        assertThat(ofCentre.body().findValuesAsText("scope")).containsExactlyInAnyOrder("CENTRE", "RESOURCE");
        assertThat(ofCentre.text()).doesNotContain(centreToken).doesNotContain(roomToken);

        expect(204, callAs(memberOf(sumak), HttpMethod.DELETE, "/api/feed-tokens/" + id, null));
        assertThat(call(HttpMethod.GET, "/ical/partners/" + sumak + ".ics?token=" + token, null).status()).isEqualTo(404);
        assertThat(expect(200, callAs(memberOf(sumak), HttpMethod.GET, "/api/partners/" + sumak + "/feed-tokens", null)).body().get(0).get("revoked")
                .asBoolean()).isTrue();
        String unknown = java.util.UUID.randomUUID().toString();
        assertThat(callAs(memberOf(unknown), HttpMethod.POST, "/api/partners/" + unknown + "/feed-tokens", null).status()).isEqualTo(404);
        assertThat(callAs(memberOf(unknown), HttpMethod.POST, "/api/partners/" + sumak + "/feed-tokens", null).status()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private String token(String path) {
        applied(() -> "");
        Response created = expect(201, call(HttpMethod.POST, path, null));
        String url = created.body().get("url").asText();
        String token = created.body().get("token").asText();
        assertThat(url).contains("/ical/").endsWith(".ics?token=" + token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        return token;
    }

    private String feed(String resourceId, String token) {
        return feed("resources", resourceId, token);
    }

    private String feed(String kind, String id, String token) {
        Response response = expect(200, call(HttpMethod.GET, "/ical/" + kind + "/" + id + ".ics?token=" + token, null));
        return response.text();
    }

    /** Waits until the tracking processor has applied the last event appended, then reads. */
    private String applied(java.util.function.Supplier<String> read) {
        DomainEventMessage<?> last = events.last();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM calendar_stream WHERE aggregate_id = ? AND last_sequence >= ?")
                .params(last.getAggregateIdentifier(), last.getSequenceNumber()).query(Long.class).single() == 1);
        return read.get();
    }

    static void assertWireFormat(String text) {
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: %s", line).isLessThanOrEqualTo(75);
        }
    }

    static Calendar ical4j(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static VEvent ical4jEvent(String text, String uid) throws Exception {
        List<VEvent> found = ical4j(text).<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> uid.equals(value(e, Property.UID))).toList();
        assertThat(found).as("VEVENT %s", uid).hasSize(1);
        return found.get(0);
    }

    static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    static String value(Calendar calendar, String property) {
        return calendar.getPropertyList().getProperty(property).map(Property::getValue).orElse(null);
    }

    static ICalendar biweekly(String text) {
        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertThat(calendar).isNotNull();
        assertThat(warnings.stream().flatMap(List::stream).map(Object::toString).toList()).as("biweekly's warnings").isEmpty();
        return calendar;
    }

    static biweekly.component.VEvent biweeklyEvent(String text, String uid) {
        return biweeklyEvent(biweekly(text), uid);
    }

    static biweekly.component.VEvent biweeklyEvent(ICalendar calendar, String uid) {
        List<biweekly.component.VEvent> found = calendar.getEvents().stream()
                .filter(e -> uid.equals(e.getUid().getValue())).toList();
        assertThat(found).as("VEVENT %s", uid).hasSize(1);
        return found.get(0);
    }

    static String tzid(ICalendar calendar, biweekly.property.ICalProperty property) {
        TimezoneAssignment assignment = calendar.getTimezoneInfo().getTimezone(property);
        return assignment == null ? null : assignment.getComponent().getTimezoneId().getValue();
    }

    static LocalDateTime local(Date date) {
        return date.toInstant().atZone(COPENHAGEN).toLocalDateTime();
    }

    static Occurrence occurrenceOn(SeriesBooked series, LocalDate date) {
        return series.occurrences().stream().filter(o -> o.start().toLocalDate().equals(date)).findFirst().orElseThrow();
    }

    static List<LocalDate> expectedDates(LocalDate first, LocalDate until, List<LocalDate> left) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(until); d = d.plusWeeks(1)) {
            if (!left.contains(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    static void assertOffsetsAcrossTheChanges(List<ZonedDateTime> starts) {
        Set<String> offsets = starts.stream().map(s -> s.toLocalDate() + s.getOffset().getId()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(offsets).contains("2027-03-23+01:00", "2027-03-30+02:00", "2027-10-26+02:00", "2027-11-02+01:00");
    }
}
