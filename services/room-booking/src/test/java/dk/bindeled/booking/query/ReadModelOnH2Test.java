package dk.bindeled.booking.query;

import static dk.bindeled.booking.query.CalendarFixtures.at;
import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.query.CalendarQueries.Span;
import dk.bindeled.booking.query.FairnessReports.Grouping;
import dk.bindeled.booking.query.FeedTokens.Scope;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The local stack runs on H2 in PostgreSQL mode: the migrations, the projection's SQL and every query of the
 * read model must work there too. No Spring context: Flyway, the projection and the queries on an in-memory H2.
 */
class ReadModelOnH2Test {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T08:00:00Z"), ZoneOffset.UTC);

    JdbcClient jdbc;
    CalendarFixtures events;
    CalendarQueries queries;
    CalendarFeeds feeds;
    FeedTokens tokens;

    @BeforeEach
    void setUp() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:read-model-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform", "classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        events = CalendarFixtures.direct(new CalendarProjection(jdbc), jdbc);
        queries = new CalendarQueries(jdbc, CLOCK);
        tokens = new FeedTokens(jdbc, CLOCK);
        feeds = new CalendarFeeds(jdbc, queries, tokens, CLOCK, 365, 400, "Europe/Copenhagen");
    }

    @Test
    void theReadModelWorksOnH2() {
        String centre = events.centre("h2");
        String salen = events.resource(centre, "Salen", 30, List.of("Køkken"), 15, false);
        String sumak = events.partner("Café Sumak", "PRIVATE");
        LocalDateTime start = LocalDateTime.of(2027, 3, 2, 16, 0);
        String id = events.confirmed(salen, centre, sumak, start, start.plusHours(2), details("Fællesspisning", Visibility.PUBLIC));
        events.redeliver(events.last());
        events.resourceEvent(salen, new BookingMoved(id, salen, centre, sumak, at(start), at(start.plusHours(2)), at(start.plusHours(1)),
                at(start.plusHours(3)), null));
        SeriesBooked series = events.weeklySeries(salen, centre, sumak, LocalDateTime.of(2027, 3, 17, 17, 0),
                LocalDateTime.of(2027, 3, 17, 18, 0), LocalDate.of(2027, 4, 7), List.of(LocalDate.of(2027, 3, 24)), true,
                details("Strik", Visibility.BUSY));
        var cancelled = series.occurrences().get(1);
        events.resourceEvent(salen, new BookingCancelled(cancelled.bookingId(), salen, centre, sumak, cancelled.start(), cancelled.end(),
                false, CancellationReason.ORGANISER_UNAVAILABLE, "Ferie", series.seriesId()));

        var booking = queries.booking(id).orElseThrow();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.version()).isEqualTo(1);
        assertThat(booking.localStart()).isEqualTo(start.plusHours(1));
        assertThat(booking.start()).isEqualTo(at(start.plusHours(1)));
        assertThat(booking.partnerName()).isEqualTo("Café Sumak");
        assertThat(booking.history()).hasSize(3);
        assertThat(queries.centre(centre).orElseThrow().openingHours()).hasSize(7);
        assertThat(queries.resourceCalendar(salen, start.toLocalDate(), Span.WEEK).entries()).hasSize(1);
        assertThat(queries.series(series.seriesId()).orElseThrow().occurrences()).hasSize(3);
        assertThat(queries.partnerBookings(sumak, new QueryWindow.Range(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)), null, 100)
                .items()).hasSize(3);
        var firstPage = queries.partnerBookings(sumak, new QueryWindow.Range(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)), null, 2);
        assertThat(firstPage.items()).hasSize(2);
        assertThat(queries.partnerBookings(sumak, new QueryWindow.Range(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)),
                firstPage.next(), 2).items()).hasSize(1);
        assertThat(queries.approvals(centre)).isEmpty();

        var free = new FreeSlotSearch(queries, CLOCK).search(centre, start.toLocalDate(), LocalTime.of(17, 0), LocalTime.of(18, 0), 10,
                List.of("køkken"));
        assertThat(free.free()).isEmpty();
        assertThat(free.alternatives()).isNotEmpty();
        var report = new FairnessReports(queries, jdbc).report(centre, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), Grouping.WEEK);
        assertThat(report.total().hours()).isEqualTo(3.0);

        var issued = tokens.issue(Scope.RESOURCE, salen, "test");
        String token = issued.token();
        String feed = feeds.resourceFeed(salen, token);
        assertThat(feed).contains("UID:" + id + "@bindeled.dk", "SEQUENCE:1", "RRULE:FREQ=WEEKLY", "EXDATE;TZID=Europe/Copenhagen:",
                "SUMMARY:Optaget");
        assertThat(tokens.find(token).orElseThrow().id()).isEqualTo(issued.id());
        assertThat(tokens.ofCentre(centre)).extracting(FeedTokens.FeedTokenView::id).containsExactly(issued.id());
        String partnerFeed = tokens.issue(Scope.PARTNER, sumak, "test").token();
        assertThat(feeds.partnerFeed(sumak, partnerFeed)).contains("UID:" + id + "@bindeled.dk", "X-WR-CALNAME:Café Sumak");
        assertThat(tokens.ofPartner(sumak)).hasSize(1);
        tokens.revoke(issued.id());
        assertThat(tokens.opens(token, Scope.RESOURCE, salen)).isFalse();
    }
}
