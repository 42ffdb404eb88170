package dk.bindeled.dashboard;

import dk.bindeled.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingMoved;
import dk.bindeled.events.booking.v1.Visibility;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Room booking events → inbox → booking read model → the info screen's JSON and its Server-Sent Events, on
 * the real broker and PostgreSQL. "Now" is Tuesday 24 November 2026, 10.15 in Copenhagen.
 */
@Import(MutableClock.Configuration.class)
class BookingFlowIT extends DashboardIntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:15:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    private TestHouse house;

    @BeforeEach
    void house() {
        clock.set(NOW);
        house = TestHouse.create(this);
    }

    @Test
    void aBookingConfirmedForNowReachesTheScreenAndEveryChangeOfTheShownDaysIsPushed() throws Exception {
        try (SseClient screen = new SseClient(http, uri("/api/centres/" + house.centreId + "/stream"))) {
            assertThat(screen.status()).isEqualTo(200);
            assertThat(screen.contentType()).startsWith("text/event-stream");
            JsonNode initial = JSON.readTree(screen.next(e -> e.name().equals("today"), WAIT).data());
            assertThat(initial.get("current")).isEmpty();

            // A booking beyond the coming days does not concern the screen: no push for it. Tomorrow's does (the screen lists
            // the coming days). Same room, so they are applied in order.
            BookingConfirmed later = house.confirmed("2026-12-05T10:00", "2026-12-05T11:00", Visibility.PUBLIC, "Om elleve dage");
            BookingConfirmed tomorrow = house.confirmed("2026-11-25T10:00", "2026-11-25T11:00", Visibility.PUBLIC, "I morgen");
            BookingConfirmed babycafe = house.confirmed("2026-11-24T10:00", "2026-11-24T11:30", Visibility.PUBLIC, "Babycafé");
            publish(later);
            publish(tomorrow);

            SseClient.Event first = screen.next(e -> true, WAIT);
            assertThat(first.name()).isEqualTo("today");
            assertThat(first.data()).contains(tomorrow.bookingId()).doesNotContain(later.bookingId());
            assertThat(JSON.readTree(first.data()).get("coming").get(0).get("bookings").get(0).get("title").asString()).isEqualTo("I morgen");

            publish(babycafe);
            SseClient.Event next = screen.next(e -> e.name().equals("today") && e.data().contains(babycafe.bookingId()), WAIT);
            assertThat(next.data()).doesNotContain(later.bookingId());
            JsonNode pushed = JSON.readTree(next.data());
            assertThat(pushed.get("centreName").asString()).isEqualTo(house.centreName);
            JsonNode now = pushed.get("current").get(0);
            assertThat(now.get("bookingId").asString()).isEqualTo(babycafe.bookingId());
            assertThat(now.get("time").asString()).isEqualTo("10.00–11.30");
            assertThat(now.get("title").asString()).isEqualTo("Babycafé");
            assertThat(now.get("resource").asString()).isEqualTo("Salen");
            assertThat(now.get("organiser").asString()).isEqualTo(house.partner.name());
            assertThat(getJson("/api/centres/" + house.centreId + "/today")).isEqualTo(pushed);

            publish(new BookingMoved(babycafe.bookingId(), house.roomId, house.centreId, house.partner.partnerId(), babycafe.start(),
                    babycafe.end(), local("2026-11-24T13:00"), local("2026-11-24T14:30")));
            JsonNode moved = JSON.readTree(screen.next(e -> e.name().equals("today") && e.data().contains("13.00–14.30"), WAIT).data());
            assertThat(moved.get("current")).isEmpty();
            assertThat(moved.get("later").get(0).get("bookingId").asString()).isEqualTo(babycafe.bookingId());

            publish(new BookingCancelled(babycafe.bookingId(), house.roomId, house.centreId, house.partner.partnerId(),
                    local("2026-11-24T13:00"), local("2026-11-24T14:30"), false, null));
            JsonNode cancelled = JSON.readTree(screen.next(e -> e.name().equals("today") && !e.data().contains(babycafe.bookingId()), WAIT).data());
            assertThat(cancelled.get("current")).isEmpty();
            assertThat(cancelled.get("later")).isEmpty();
        }
    }

    @Test
    void theScreenNeverReceivesTheTitleOfABookingThatIsNotPublic() throws Exception {
        String secret = "Fortroligt møde om familien " + UUID.randomUUID();
        try (SseClient screen = new SseClient(http, uri("/api/centres/" + house.centreId + "/stream"))) {
            screen.next(e -> e.name().equals("today"), WAIT);
            BookingConfirmed titleOnly = house.confirmed("2026-11-24T10:00", "2026-11-24T11:00", Visibility.TITLE_ONLY, secret);
            BookingConfirmed busy = house.confirmed("2026-11-24T12:00", "2026-11-24T13:00", Visibility.BUSY, null);
            publish(titleOnly);
            publish(busy);

            SseClient.Event pushed = screen.next(e -> e.name().equals("today") && e.data().contains(busy.bookingId()), WAIT);

            assertThat(pushed.data()).doesNotContain(secret).doesNotContain(house.partner.name());
            JsonNode today = getJson("/api/centres/" + house.centreId + "/today");
            assertThat(today.toString()).doesNotContain(secret).doesNotContain(house.partner.name());
            assertThat(today.get("current").get(0).get("title").asString()).isEqualTo("Optaget");
            assertThat(today.get("current").get(0).get("busy").asBoolean()).isTrue();
            assertThat(today.get("current").get(0).get("organiser").isNull()).isTrue();
            assertThat(today.get("later").get(0).get("title").asString()).isEqualTo("Optaget");
            assertThat(get("/skaerm/" + house.centreId).body()).doesNotContain(secret).contains("Nu").contains("Senere i dag");
            // Not in the overview's feed of changes either.
            assertThat(overview().toString()).doesNotContain(secret);
        }
    }

    @Test
    void theSameRecordDeliveredTwiceAddsTheBookingOnce() {
        awaitCaughtUp();
        double duplicatesBefore = counter(ConsumerMetrics.DUPLICATES);
        BookingConfirmed booking = house.confirmed("2026-11-24T12:00", "2026-11-24T13:00", Visibility.PUBLIC, "Lektiecafé");
        ProducerRecord<String, byte[]> record = BOOKING_CODEC.toRecord(booking, UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC));

        send(record);
        send(record);
        awaitCaughtUp();

        assertThat(getJson("/api/centres/" + house.centreId + "/today").get("later")).hasSize(1);
        assertThat(counter(ConsumerMetrics.DUPLICATES)).isEqualTo(duplicatesBefore + 1);
        long shown = 0;
        for (JsonNode change : overview().get("latestChanges")) {
            shown += change.get("id").asString().equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)) ? 1 : 0;
        }
        assertThat(shown).isEqualTo(1);
    }

    @Autowired
    JdbcClient faultFigures;

    @Test
    void unreadableRecordsGoToTheBookingDeadLetterTopicAndTheConsumerGoesOn() {
        double deadLetteredBefore = counter(ConsumerMetrics.DEAD_LETTERED);
        BookingConfirmed valid = house.confirmed("2026-11-24T15:00", "2026-11-24T16:00", Visibility.PUBLIC, "Strikkeklub");
        String key = valid.resourceId();

        send(new ProducerRecord<>(Topics.BOOKING_V1, key, "{\"bookingId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        // A BUSY booking must not carry a title: the schema says so, and the record is refused. The shared record
        // drops the title of a BUSY booking itself, so the title is written into the payload as another producer might.
        BookingConfirmed busyWithTitle = house.confirmed("2026-11-24T16:00", "2026-11-24T17:00", Visibility.BUSY, null);
        String brokenId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> busy = BOOKING_CODEC.toRecord(busyWithTitle, brokenId, OffsetDateTime.now(ZoneOffset.UTC));
        byte[] withTitle = new String(busy.value(), StandardCharsets.UTF_8)
                .replace("\"visibility\":\"BUSY\"", "\"visibility\":\"BUSY\",\"title\":\"Må ikke ses\"").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(withTitle, StandardCharsets.UTF_8)).contains("Må ikke ses");
        send(new ProducerRecord<>(busy.topic(), null, busy.key(), withTitle, busy.headers()));
        // The same key: same partition, so this one is strictly behind the two bad ones.
        publish(valid);

        await().atMost(WAIT).until(() -> getJson("/api/centres/" + house.centreId + "/today").toString().contains(valid.bookingId()));
        List<ConsumerRecord<String, byte[]>> deadLettered = deadLetters(Topics.BOOKING_V1, key, 2);
        assertThat(deadLettered).hasSize(2);
        assertThat(deadLettered.get(0).topic()).isEqualTo("bindeled.booking.v1.dashboard.dlt");
        assertThat(deadLetterReason(deadLettered.get(0))).isNotBlank();
        assertThat(deadLetterReason(deadLettered.get(1))).contains(brokenId).contains("BookingConfirmed.schema.json");
        assertThat(getJson("/api/centres/" + house.centreId + "/today").toString()).doesNotContain(busyWithTitle.bookingId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(counter(ConsumerMetrics.DEAD_LETTERED)).isEqualTo(deadLetteredBefore + 2));
        long nextShown = faultFigures.sql("SELECT COUNT(*) FROM bookings WHERE booking_id = ?").param(valid.bookingId()).query(Long.class).single();
        System.out.printf("FAULT poison-record (dashboard): dead-lettered=%d to %s with-reason=%d next-applied=%d lost=%d applied-twice=%d%n",
                deadLettered.size(), deadLettered.get(0).topic(),
                deadLettered.stream().filter(d -> !deadLetterReason(d).isBlank()).count(), Math.min(nextShown, 1), nextShown == 0 ? 1 : 0,
                Math.max(0, nextShown - 1));
    }

    @Test
    void utilisationOfAWeekIsServedAndBadInputIsAProblem() {
        publish(house.confirmed("2026-11-24T10:00", "2026-11-24T12:00", Visibility.PUBLIC, "Babycafé"));
        publish(house.confirmed("2026-11-26T09:00", "2026-11-26T12:00", Visibility.BUSY, null));
        awaitCaughtUp();

        JsonNode week = getJson("/api/centres/" + house.centreId + "/utilisation?week=2026-W48");

        assertThat(week.get("label").asString()).isEqualTo("uge 48 (23.–29. november 2026)");
        assertThat(week.get("openHours").asDouble()).isEqualTo(40.0);
        JsonNode salen = week.get("resources").get(0);
        assertThat(salen.get("name").asString()).isEqualTo("Salen");
        assertThat(salen.get("bookedHours").asDouble()).isEqualTo(5.0);
        assertThat(salen.get("openHours").asDouble()).isEqualTo(40.0);
        assertThat(salen.get("utilisationPercent").asDouble()).isEqualTo(12.5);
        assertThat(getJson("/api/centres/" + house.centreId + "/utilisation")).isEqualTo(week);

        HttpResponse<String> badWeek = get("/api/centres/" + house.centreId + "/utilisation?week=2026-48");
        assertThat(badWeek.statusCode()).isEqualTo(400);
        assertThat(badWeek.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(badWeek.body()).get("parameter").asString()).isEqualTo("week");

        HttpResponse<String> unknown = get("/api/centres/ukendt-" + UUID.randomUUID() + "/today");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get("/api/centres").body()).contains(house.centreId).contains(house.centreName);
    }

    private double counter(String name) {
        return meters.get(name).tag("topic", Topics.BOOKING_V1).counter().count();
    }

    private static OffsetDateTime local(String localDateTime) {
        return TestHouse.local(localDateTime);
    }
}
