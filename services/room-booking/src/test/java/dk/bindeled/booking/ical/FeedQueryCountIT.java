package dk.bindeled.booking.ical;

import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.booking.StatementCounter;
import dk.bindeled.booking.StatementCounter.Counted;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.query.CalendarFeeds;
import dk.bindeled.booking.query.CalendarFixtures;
import dk.bindeled.booking.query.FeedTokens;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A feed costs the same few statements however many series it holds: the series' occurrences and exception
 * dates are read for all of them at once, not one query each.
 */
@Import(StatementCounter.class)
class FeedQueryCountIT extends IntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    FeedTokens tokens;

    @Test
    void aFeedWithTenSeriesSendsNoMoreStatementsThanAFeedWithOne() {
        CalendarFixtures events = CalendarFixtures.eventStore(eventStore, jdbc);
        String centre = events.centre("count");
        String partner = events.partner("Café Sumak", "PRIVATE");
        String one = events.resource(centre, "Mødelokale 1", 10, List.of(), 0, false);
        String ten = events.resource(centre, "Salen", 40, List.of(), 0, false);
        series(events, one, centre, partner, 0);
        for (int i = 0; i < 10; i++) {
            series(events, ten, centre, partner, i);
        }
        DomainEventMessage<?> last = events.last();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM calendar_stream WHERE aggregate_id = ? AND last_sequence >= ?")
                .params(last.getAggregateIdentifier(), last.getSequenceNumber()).query(Long.class).single() == 1);
        String oneToken = tokens.issue(FeedTokens.Scope.RESOURCE, one, "test").token();
        String tenToken = tokens.issue(FeedTokens.Scope.RESOURCE, ten, "test").token();

        Counted<String> withOne = StatementCounter.count(() -> feeds.resourceFeed(one, oneToken));
        Counted<String> withTen = StatementCounter.count(() -> feeds.resourceFeed(ten, tenToken));

        assertThat(masters(withOne.result())).isEqualTo(1);
        assertThat(masters(withTen.result())).isEqualTo(10);
        assertThat(withTen.result()).contains("EXDATE;TZID=Europe/Copenhagen:");
        System.out.printf("Feed statements: %d with 1 series, %d with 10 series%n", withOne.statements(), withTen.statements());
        assertThat(withTen.statements()).as("statements for 10 series against 1").isEqualTo(withOne.statements());
        assertThat(withOne.statements()).as("statements for a feed").isLessThanOrEqualTo(10);
    }

    /** A weekly series over five weeks with an exception date and one cancelled occurrence (both EXDATEs). */
    private static void series(CalendarFixtures events, String resource, String centre, String partner, int hour) {
        LocalDateTime first = LocalDateTime.of(2027, 3, 2, 8 + hour, 0);
        SeriesBooked booked = events.weeklySeries(resource, centre, partner, first, first.plusMinutes(45), LocalDate.of(2027, 3, 30),
                List.of(LocalDate.of(2027, 3, 16)), true, details("Lektiehjælp " + hour, Visibility.PUBLIC));
        var cancelled = booked.occurrences().get(1);
        events.resourceEvent(resource, new BookingCancelled(cancelled.bookingId(), resource, centre, partner, cancelled.start(),
                cancelled.end(), false, CancellationReason.ROOM_UNAVAILABLE, "Lukket", booked.seriesId()));
    }

    private static long masters(String feed) {
        return feed.lines().filter(line -> line.startsWith("RRULE:FREQ=WEEKLY")).count();
    }
}
