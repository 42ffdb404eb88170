package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.booking.domain.HoldPolicy;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingLapsed;
import dk.bindeled.events.booking.v1.WaitlistOfferLapsed;
import dk.bindeled.events.booking.v1.WaitlistOffered;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * Holds that lapse, end to end: the deadline is a row in {@code scheduled_tasks}, fired by db-scheduler on real
 * PostgreSQL, and the lapse reaches the calendar, the quota ledger and the topic. The hold times are seconds here, and
 * the request's hold is the longer one so that the manager's call right after a request is in time on a busy machine.
 */
@TestPropertySource(properties = {"bindeled.booking.holds.requested=PT4S", "bindeled.booking.holds.waitlist-offer=PT2S",
        "bindeled.axon.deadlines.poll-interval=PT0.2S"})
class HoldLapseIT extends IntegrationTest {

    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2027, 3, 2, 10, 0);
    static final Duration LAPSE = Duration.ofSeconds(30);

    final CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);

    String centre;
    String hall;
    String sumak;

    @BeforeEach
    void setUp() {
        centre = centre("holds");
        hall = room(centre, "Salen", 40, true);
        sumak = partner("Café Sumak", centre);
    }

    @Test
    void aRequestNobodyDecidesLapsesFreesItsSlotAndItsQuotaAndIsPublished() {
        // Two hours a week: the lapsed request's hours must come back for the second request to fit.
        expect(204, call(HttpMethod.PUT, "/api/centres/" + centre + "/quotas/" + sumak, Map.of("hoursPerWeek", 2)));
        String requested = request(sumak, TUESDAY_10);

        Awaitility.await().atMost(LAPSE).untilAsserted(() ->
                assertThat(booking(requested).get("status").asText()).isEqualTo("LAPSED"));
        JsonNode lapse = history(requested, "BookingLapsed");
        assertThat(lapse.get("actor").asText()).isEqualTo(HoldPolicy.ACTOR);

        BookingLapsed published = (BookingLapsed) published(e -> e.event() instanceof BookingLapsed l
                && l.bookingId().equals(requested)).event();
        assertThat(published.partnerId()).isEqualTo(sumak);
        assertThat(published.start().toLocalDateTime()).isEqualTo(TUESDAY_10);

        Response again = call(HttpMethod.POST, "/api/bookings", booking(hall, sumak, TUESDAY_10, TUESDAY_10.plusHours(2)));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.body().get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void anApprovedRequestDoesNotLapse() {
        String approved = request(sumak, TUESDAY_10);
        expect(200, call(HttpMethod.POST, "/api/bookings/" + approved + "/approve", null));
        // A request in the same room an hour later lapses: once it has, the approved one's deadline is due too.
        String witness = request(sumak, TUESDAY_10.plusHours(3));
        Awaitility.await().atMost(LAPSE).untilAsserted(() ->
                assertThat(booking(witness).get("status").asText()).isEqualTo("LAPSED"));
        // Due deadlines are deleted once run: none left due means the approved booking's ran and was ignored.
        Awaitility.await().atMost(LAPSE).until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= now()")
                .query(Long.class).single() == 0);

        assertThat(booking(approved).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(historyTypes(approved)).doesNotContain("BookingLapsed");
        assertThat(storedEventsOfType(hall, "BookingLapsed")).isEqualTo(1);
    }

    @Test
    void aWaitlistOfferNobodyAnswersPassesToTheNextInLineAndThenTheSlotIsFree() {
        String first = partner("Sundhedsplejen", centre);
        String second = partner("Lektiecaféen", centre);
        String requested = request(sumak, TUESDAY_10);
        expect(200, call(HttpMethod.POST, "/api/bookings/" + requested + "/approve", null));
        String firstEntry = join(first);
        String secondEntry = join(second);
        expect(200, call(HttpMethod.POST, "/api/bookings/" + requested + "/cancel", Map.of("reasonCategory", "ORGANISER_CANCELLED")));

        WaitlistOfferLapsed firstLapsed = (WaitlistOfferLapsed) published(e -> e.event() instanceof WaitlistOfferLapsed l
                && l.waitlistEntryId().equals(firstEntry)).event();
        WaitlistOffered toSecond = (WaitlistOffered) published(e -> e.event() instanceof WaitlistOffered o
                && o.waitlistEntryId().equals(secondEntry)).event();
        WaitlistOfferLapsed secondLapsed = (WaitlistOfferLapsed) published(e -> e.event() instanceof WaitlistOfferLapsed l
                && l.waitlistEntryId().equals(secondEntry)).event();
        assertThat(firstLapsed.partnerId()).isEqualTo(first);
        assertThat(toSecond.partnerId()).isEqualTo(second);
        assertThat(secondLapsed.bookingId()).isEqualTo(toSecond.bookingId());

        Awaitility.await().atMost(LAPSE).untilAsserted(() -> {
            assertThat(booking(firstLapsed.bookingId()).get("status").asText()).isEqualTo("LAPSED");
            assertThat(booking(secondLapsed.bookingId()).get("status").asText()).isEqualTo("LAPSED");
        });
        assertThat(history(firstLapsed.bookingId(), "WaitlistOfferLapsed").get("actor").asText()).isEqualTo(HoldPolicy.ACTOR);
        // Nobody is left in line: the slot can be booked again.
        Response again = call(HttpMethod.POST, "/api/bookings", booking(hall, sumak, TUESDAY_10, TUESDAY_10.plusHours(2)));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    @Test
    void aSeriesNobodyDecidesLapsesWholeAndItsSlotsCanBeBookedAgain() {
        Map<String, Object> series = new HashMap<>(booking(hall, sumak, TUESDAY_10, TUESDAY_10));
        series.remove("start");
        series.remove("end");
        series.put("firstStart", TUESDAY_10.toString());
        series.put("firstEnd", TUESDAY_10.plusHours(2).toString());
        series.put("recurrence", Map.of("frequency", "WEEKLY", "count", 3));
        Response requested = expect(201, call(HttpMethod.POST, "/api/series", series));
        assertThat(requested.body().get("status").asText()).isEqualTo("REQUESTED");
        String seriesId = requested.body().get("seriesId").asText();
        List<String> occurrences = new ArrayList<>();
        requested.body().get("occurrences").forEach(o -> occurrences.add(o.get("bookingId").asText()));
        assertThat(occurrences).hasSize(3);

        Awaitility.await().atMost(LAPSE).untilAsserted(() -> assertThat(occurrences)
                .allSatisfy(id -> assertThat(booking(id).get("status").asText()).isEqualTo("LAPSED")));
        for (String id : occurrences) {
            BookingLapsed published = (BookingLapsed) published(e -> e.event() instanceof BookingLapsed l
                    && l.bookingId().equals(id)).event();
            assertThat(published.partnerId()).isEqualTo(sumak);
            assertThat(history(id, "BookingLapsed").get("actor").asText()).isEqualTo(HoldPolicy.ACTOR);
        }
        assertThat(storedEventsOfType(hall, "BookingLapsed")).isEqualTo(3);
        JsonNode view = expect(200, call(HttpMethod.GET, "/api/series/" + seriesId, null)).body();
        assertThat(view.get("occurrences")).hasSize(3).allSatisfy(o -> assertThat(o.get("status").asText()).isEqualTo("LAPSED"));

        Response again = call(HttpMethod.POST, "/api/series", series);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    // ------------------------------------------------------------------ helpers

    private String request(String partnerId, LocalDateTime start) {
        Response created = expect(201, call(HttpMethod.POST, "/api/bookings", booking(hall, partnerId, start, start.plusHours(2))));
        assertThat(created.body().get("status").asText()).isEqualTo("REQUESTED");
        return created.body().get("bookingId").asText();
    }

    private String join(String partnerId) {
        return expect(201, call(HttpMethod.POST, "/api/waitlist", booking(hall, partnerId, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
    }

    private JsonNode booking(String bookingId) {
        return expect(200, call(HttpMethod.GET, "/api/bookings/" + bookingId, null)).body();
    }

    private List<String> historyTypes(String bookingId) {
        List<String> types = new ArrayList<>();
        booking(bookingId).get("history").forEach(h -> types.add(h.get("eventType").asText()));
        return types;
    }

    private JsonNode history(String bookingId, String eventType) {
        for (JsonNode entry : booking(bookingId).get("history")) {
            if (entry.get("eventType").asText().equals(eventType)) {
                return entry;
            }
        }
        throw new AssertionError("No " + eventType + " in the history of " + bookingId + ": " + booking(bookingId));
    }

    private long storedEventsOfType(String aggregateId, String simpleName) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")
                .params(aggregateId, "%$" + simpleName).query(Long.class).single();
    }

    private ReceivedEvent published(Predicate<ReceivedEvent> wanted) {
        List<ReceivedEvent> found = new ArrayList<>();
        consumeUntil(BOOKING_TOPIC, records -> {
            found.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
                ReceivedEvent e = codec.read(r);
                if (wanted.test(e)) {
                    found.add(e);
                }
            }
            return !found.isEmpty();
        }, LAPSE);
        assertThat(found).as("the wanted event on %s", BOOKING_TOPIC).hasSize(1);
        return found.get(0);
    }
}
