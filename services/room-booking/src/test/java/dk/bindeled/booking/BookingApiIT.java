package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingFlagged;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.SeriesBooked;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The booking API end to end on PostgreSQL and Kafka: answers, refusals that store nothing, and what leaves the service. */
class BookingApiIT extends IntegrationTest {

    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2027, 3, 2, 10, 0);

    String centre;
    String room;
    String sumak;

    @BeforeEach
    void setUp() {
        centre = centre("api");
        room = room(centre, "Salen", 20, false);
        sumak = partner("Café Sumak", centre);
    }

    @Test
    void aFreeSlotIsConfirmedAndPublishedWithoutItsPurpose() {
        Response created = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))));
        assertThat(created.body().get("status").asText()).isEqualTo("CONFIRMED");
        String bookingId = created.body().get("bookingId").asText();
        ReceivedEvent confirmed = published(bookingId, "dk.bindeled.booking.BookingConfirmed.v1");
        var event = (dk.bindeled.events.booking.v1.BookingConfirmed) confirmed.event();
        assertThat(event.start().toString()).isEqualTo("2027-03-02T10:00+01:00");
        assertThat(event.title()).isEqualTo("Babycafé med sundhedsplejersken");
        assertThat(confirmed.subject()).isEqualTo(room);
    }

    @Test
    void eachCommandIsCountedOnceByOutcome() {
        double before = meters.counter("bindeled.commands", "command", "RequestBooking", "outcome", "handled", "reason", "none").count();
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1))));
        assertThat(meters.counter("bindeled.commands", "command", "RequestBooking", "outcome", "handled", "reason", "none").count())
                .isEqualTo(before + 1);
        double clashes = meters.counter("bindeled.commands", "command", "RequestBooking", "outcome", "rejected",
                "reason", "BookingConflictException").count();
        call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1)));
        assertThat(meters.counter("bindeled.commands", "command", "RequestBooking", "outcome", "rejected",
                "reason", "BookingConflictException").count()).isEqualTo(clashes + 1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aBusyBookingLeavesTheServiceWithoutItsTitle() {
        Map<String, Object> body = booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1));
        body.put("visibility", "BUSY");
        body.put("title", "Samtale med familie");
        String bookingId = expect(201, call(HttpMethod.POST, "/api/bookings", body)).body().get("bookingId").asText();
        ConsumerRecord<String, byte[]> record = rawRecord(bookingId);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Samtale").doesNotContain("purpose")
                .doesNotContain("targetGroup").doesNotContain("Småbørnsfamilier").doesNotContain("attendees");
    }

    @Test
    void whyABookingWasRejectedOrCancelledStaysInTheServiceAndKafkaGetsOnlyItsCategory() {
        String hall = room(centre, "Mødelokalet", 20, true);
        String rejected = expect(201, call(HttpMethod.POST, "/api/bookings", booking(hall, sumak, TUESDAY_10, TUESDAY_10.plusHours(1))))
                .body().get("bookingId").asText();
        expect(200, call(HttpMethod.POST, "/api/bookings/" + rejected + "/reject",
                Map.of("reasonCategory", "OUTSIDE_PURPOSE", "note", "Fru Jensen i opgang 4 har klaget over jer")));
        String cancelled = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1))))
                .body().get("bookingId").asText();
        // The field's name before categories is still read as the note.
        expect(200, call(HttpMethod.POST, "/api/bookings/" + cancelled + "/cancel",
                Map.of("reasonCategory", "ORGANISER_UNAVAILABLE", "reason", "Ahmed er indlagt")));

        for (ConsumerRecord<String, byte[]> record : List.of(
                rawRecord(rejected, "dk.bindeled.booking.BookingRejected.v1"),
                rawRecord(cancelled, "dk.bindeled.booking.BookingCancelled.v1"))) {
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(json).doesNotContain("Jensen").doesNotContain("Ahmed").doesNotContain("\"reason\"").doesNotContain("\"note\"");
        }
        assertThat(new String(rawRecord(rejected, "dk.bindeled.booking.BookingRejected.v1").value(), StandardCharsets.UTF_8))
                .contains("\"reasonCategory\":\"OUTSIDE_PURPOSE\"");
        assertThat(new String(rawRecord(cancelled, "dk.bindeled.booking.BookingCancelled.v1").value(), StandardCharsets.UTF_8))
                .contains("\"reasonCategory\":\"ORGANISER_UNAVAILABLE\"");
        // The centre keeps its own words in the booking's details.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(expect(200, call(HttpMethod.GET, "/api/bookings/" + rejected, null)).body().get("statusReason").asText())
                    .isEqualTo("OUTSIDE_PURPOSE – Fru Jensen i opgang 4 har klaget over jer");
            assertThat(expect(200, call(HttpMethod.GET, "/api/bookings/" + cancelled, null)).body().get("statusReason").asText())
                    .isEqualTo("ORGANISER_UNAVAILABLE – Ahmed er indlagt");
        });
    }

    @Test
    void aRejectionOrCancellationWithoutAKnownCategoryIsA400ListingTheCategoriesAndStoresNothing() {
        String hall = room(centre, "Køkkenet", 20, true);
        String requested = expect(201, call(HttpMethod.POST, "/api/bookings", booking(hall, sumak, TUESDAY_10, TUESDAY_10.plusHours(1))))
                .body().get("bookingId").asText();
        String confirmed = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1))))
                .body().get("bookingId").asText();
        long before = storedEvents(hall) + storedEvents(room);
        List<Response> refusals = List.of(
                call(HttpMethod.POST, "/api/bookings/" + requested + "/reject", Map.of("reason", "Fru Jensen har klaget")),
                call(HttpMethod.POST, "/api/bookings/" + requested + "/reject", Map.of("reasonCategory", "NABOKLAGE")),
                call(HttpMethod.POST, "/api/bookings/" + confirmed + "/cancel", Map.of("note", "Syg")),
                call(HttpMethod.POST, "/api/bookings/" + confirmed + "/cancel", Map.of("reasonCategory", "ILLNESS")),
                call(HttpMethod.POST, "/api/series/any/cancel", Map.of("fromDate", "2027-04-13")),
                call(HttpMethod.POST, "/api/series/any/reject", Map.of("reasonCategory", "")));
        for (int i = 0; i < refusals.size(); i++) {
            Response refused = refusals.get(i);
            assertProblem(refused, 400, "reasonCategory");
            String why = refused.body().get("errors").get(0).get("reason").asText();
            boolean reject = i == 0 || i == 1 || i == 5;
            for (Enum<?> accepted : reject ? RejectionReason.values() : CancellationReason.values()) {
                assertThat(why).as(refused.text()).contains(accepted.name());
            }
        }
        assertThat(storedEvents(hall) + storedEvents(room)).isEqualTo(before);
    }

    @Test
    void badInputIsA400NamingEveryFieldAndStoresNothing() {
        long before = storedEvents(room);
        Map<String, Object> backwards = booking(room, sumak, TUESDAY_10.plusHours(2), TUESDAY_10);
        assertProblem(call(HttpMethod.POST, "/api/bookings", backwards), 400, "end");
        assertProblem(call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10)), 400, "end");
        assertProblem(call(HttpMethod.POST, "/api/bookings",
                booking(room, sumak, LocalDateTime.of(2027, 2, 20, 10, 0), LocalDateTime.of(2027, 2, 20, 11, 0))), 400, "start");
        assertProblem(call(HttpMethod.POST, "/api/bookings", booking("no-such-room", sumak, TUESDAY_10, TUESDAY_10.plusHours(1))),
                400, "resourceId");
        Map<String, Object> crowd = booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1));
        crowd.put("attendees", 80);
        assertProblem(call(HttpMethod.POST, "/api/bookings", crowd), 400, "attendees");
        Map<String, Object> missing = new HashMap<>(booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(1)));
        missing.remove("title");
        missing.put("visibility", "SECRET");
        assertProblem(call(HttpMethod.POST, "/api/bookings", missing), 400, "visibility");
        missing.put("visibility", "PUBLIC");
        missing.remove("start");
        Response two = call(HttpMethod.POST, "/api/bookings", missing);
        assertProblem(two, 400, "start");
        assertThat(fields(two)).contains("title");
        assertThat(storedEvents(room)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_locator WHERE resource_id = ?").param(room).query(Long.class).single()).isZero();
    }

    @Test
    void aBookingInTheYear10000IsA400NamingTheStartNotA500() {
        // A resource of its own without a limit on how far ahead: only the service-wide horizon stands in the way.
        Map<String, Object> resource = new HashMap<>();
        resource.put("name", "Haven");
        resource.put("kind", "FACILITY");
        resource.put("cleaningBufferMinutes", 0);
        resource.put("rules", Map.of("access", "ALL_CENTRE_PARTNERS", "approvalRequired", false));
        String garden = expect(201, call(HttpMethod.POST, "/api/centres/" + centre + "/resources", resource)).body().get("id").asText();
        long before = storedEvents(garden);
        Map<String, Object> far = booking(garden, sumak, LocalDateTime.of(10000, 1, 4, 10, 0), LocalDateTime.of(10000, 1, 4, 12, 0));
        far.remove("attendees");
        Response refused = call(HttpMethod.POST, "/api/bookings", far);
        assertProblem(refused, 400, "start");
        assertThat(refused.text()).contains("9999");
        assertThat(storedEvents(garden)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_locator WHERE resource_id = ?").param(garden).query(Long.class).single()).isZero();
    }

    @Test
    void aClashIsA409ListingTheBookingInTheWay() {
        String first = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        String other = partner("Familierådgiverne", centre);
        Response clash = call(HttpMethod.POST, "/api/bookings", booking(room, other, TUESDAY_10.plusHours(1), TUESDAY_10.plusHours(3)));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.contentType()).contains("application/problem+json");
        assertThat(clash.body().get("clashes").get(0).get("bookingId").asText()).isEqualTo(first);
        assertThat(clash.body().get("clashingDates").get(0).asText()).isEqualTo("2027-03-02");
    }

    @Test
    void aPartnerOfAnotherCentreGets403AndUnknownIdsGet404() {
        String elsewhere = partner("Et andet hus", centre("other"));
        Response forbidden = call(HttpMethod.POST, "/api/bookings", booking(room, elsewhere, TUESDAY_10, TUESDAY_10.plusHours(1)));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
        assertThat(call(HttpMethod.POST, "/api/bookings/nope/cancel", Map.of("reasonCategory", "OTHER")).status()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/api/series/nope/approve", null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/api/bookings/nope/approve", null).contentType()).contains("application/problem+json");
    }

    @Test
    void approvalCancellationAndTheWaitlistWorkThroughTheApi() {
        String hall = room(centre, "Auditoriet", 80, true);
        String other = partner("Sundhedsplejen", centre);
        String requested = expect(201, call(HttpMethod.POST, "/api/bookings", booking(hall, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        String waiting = expect(201, call(HttpMethod.POST, "/api/waitlist", booking(hall, other, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        assertThat(waiting).isNotBlank();
        expect(200, call(HttpMethod.POST, "/api/bookings/" + requested + "/reject",
                Map.of("reasonCategory", "ROOM_NEEDED_ELSEWHERE", "note", "Husrådsmøde i salen")));
        // The slot is offered to the first in line (approval is required here), whose member accepts; the manager then approves.
        ReceivedEvent offered = published(hall, "dk.bindeled.booking.WaitlistOffered.v1");
        String offer = ((dk.bindeled.events.booking.v1.WaitlistOffered) offered.event()).bookingId();
        assertThat(expect(200, callAs(memberOf(other), HttpMethod.POST, "/api/bookings/" + offer + "/accept", null)).body().get("status").asText())
                .isEqualTo("REQUESTED");
        assertThat(expect(200, call(HttpMethod.POST, "/api/bookings/" + offer + "/approve", null)).body().get("status").asText())
                .isEqualTo("CONFIRMED");
        Response late = expect(200, call(HttpMethod.POST, "/api/bookings/" + offer + "/cancel",
                Map.of("reasonCategory", "ORGANISER_UNAVAILABLE")));
        assertThat(late.body().get("status").asText()).isEqualTo("CANCELLED");
        var cancelled = (dk.bindeled.events.booking.v1.BookingCancelled) published(offer, "dk.bindeled.booking.BookingCancelled.v1").event();
        assertThat(cancelled.late()).as("a day ahead is inside the 48-hour notice period").isTrue();
        assertThat(cancelled.reasonCategory()).isEqualTo(CancellationReason.ORGANISER_UNAVAILABLE);
    }

    @Test
    void aSeriesIsBookedWholeOrRefusedWithEveryClashingDate() {
        String other = partner("Tirsdagstræf", centre);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, other, LocalDateTime.of(2027, 3, 16, 17, 0),
                LocalDateTime.of(2027, 3, 16, 18, 0))));
        Map<String, Object> series = new HashMap<>(booking(room, sumak, TUESDAY_10, TUESDAY_10));
        series.remove("start");
        series.remove("end");
        series.put("firstStart", "2027-03-02T17:00");
        series.put("firstEnd", "2027-03-02T19:00");
        series.put("recurrence", Map.of("frequency", "WEEKLY", "until", "2027-04-27"));
        Response refused = call(HttpMethod.POST, "/api/series", series);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("clashingDates").toString()).isEqualTo("[\"2027-03-16\"]");
        series.put("skipClashes", true);
        Response booked = expect(201, call(HttpMethod.POST, "/api/series", series));
        assertThat(booked.body().get("occurrences")).hasSize(8);
        assertThat(booked.body().get("skippedDates").toString()).isEqualTo("[\"2027-03-16\"]");
        String seriesId = booked.body().get("seriesId").asText();
        SeriesBooked event = (SeriesBooked) published(seriesId, "dk.bindeled.booking.SeriesBooked.v1").event();
        assertThat(event.seriesId()).isEqualTo(seriesId);
        assertThat(event.recurrence()).startsWith("FREQ=WEEKLY;BYDAY=TU;UNTIL=");
        Response cancelled = expect(200, call(HttpMethod.POST, "/api/series/" + seriesId + "/cancel",
                Map.of("fromDate", "2027-04-13", "reasonCategory", "ORGANISER_CANCELLED", "note", "Forløbet slutter")));
        assertThat(cancelled.body().get("bookingIds")).hasSize(3);
    }

    @Test
    void whenAPartnerIsDeactivatedItsComingBookingsAreFlaggedNotCancelled() {
        String bookingId = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        publishPartnerEvent(new PartnerDeactivated(sumak, "Foreningen er nedlagt"));
        BookingFlagged flagged = (BookingFlagged) published(bookingId, "dk.bindeled.booking.BookingFlagged.v1").event();
        assertThat(flagged.reason()).isEqualTo(BookingFlagged.FlagReason.PARTNER_DEACTIVATED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT active FROM partner_replica WHERE partner_id = ?")
                .param(sumak).query(Boolean.class).single() == Boolean.FALSE);
        // Still booked; and the deactivated partner can book no more.
        Response refused = call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10.plusDays(7), TUESDAY_10.plusDays(7).plusHours(1)));
        assertThat(refused.status()).isEqualTo(403);
        List<String> types = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?").param(room)
                .query(String.class).list();
        assertThat(types).noneMatch(t -> t.endsWith("BookingCancelled"));
    }

    @Test
    void aSnapshottedScheduleLoadsAndStillRefusesAClash() {
        // The tests snapshot every 20 events; 15 bookings are 30 events.
        for (int i = 0; i < 15; i++) {
            LocalDateTime start = TUESDAY_10.plusDays(i);
            expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, start, start.plusHours(1))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(room).query(Long.class).single() > 0);
        resourceCache.removeAll();
        Response clash = call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10.plusDays(14), TUESDAY_10.plusDays(14).plusHours(1)));
        assertThat(clash.status()).as(clash.text()).isEqualTo(409);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10.plusDays(15), TUESDAY_10.plusDays(15).plusHours(1))));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.common.caching.Cache resourceCache;

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(fields(response)).as(response.text()).contains(field);
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asText()));
        }
        return fields;
    }

    private final CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);

    /** The first event of the type on the topic whose payload mentions the id (a booking, series or resource). */
    private ReceivedEvent published(String id, String type) {
        List<ReceivedEvent> found = new ArrayList<>();
        consumeUntil(BOOKING_TOPIC, records -> {
            found.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
                ReceivedEvent e = codec.read(r);
                if (e.type().equals(type) && EventJsonText.of(e).contains(id)) {
                    found.add(e);
                }
            }
            return !found.isEmpty();
        }, Duration.ofSeconds(30));
        assertThat(found).as("a %s for %s", type, id).isNotEmpty();
        return found.get(0);
    }

    private ConsumerRecord<String, byte[]> rawRecord(String bookingId) {
        List<ConsumerRecord<String, byte[]>> records = consumeUntil(BOOKING_TOPIC,
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(bookingId)), Duration.ofSeconds(30));
        return records.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(bookingId)).findFirst().orElseThrow();
    }

    /** The raw record of the type whose payload mentions the booking id. */
    private ConsumerRecord<String, byte[]> rawRecord(String bookingId, String type) {
        java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted = r -> new String(r.value(), StandardCharsets.UTF_8).contains(bookingId)
                && type.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        return consumeUntil(BOOKING_TOPIC, rs -> rs.stream().anyMatch(wanted), Duration.ofSeconds(30))
                .stream().filter(wanted).findFirst().orElseThrow();
    }

    /** The payload as JSON text, to find an id in it whatever the event's record type. */
    private static final class EventJsonText {
        static String of(ReceivedEvent e) {
            try {
                return dk.bindeled.events.EventJson.mapper().writeValueAsString(e.event());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
