package dk.bindeled.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.logbook.v1.MeetingRoomRequested;
import dk.bindeled.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The logbook half of a meeting's room, on the real broker: scheduling a meeting with a room asks room booking for it
 * on {@code bindeled.logbook.v1}, and room booking's answers on {@code bindeled.booking.v1} — awaiting approval,
 * confirmed, refused with the reason, later cancelled — show on the meeting, each once however often it comes.
 * (Room booking's own half is its {@code MeetingRoomRequestsIT}; the two together run in the staff web app's journeys.)
 */
class MeetingRoomIT extends IntegrationTest {

    static final UUID HUS = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c11");
    static final UUID HOMEWORK = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c14");
    private static final CloudEventCodec BOOKING = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    private static final CloudEventCodec LOGBOOK = new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);

    final String coordinator = tokenOf("karin@foreningernes-hus", HUS, "coordinator");


    @Test
    void aMeetingAsksForItsRoomAndShowsRoomBookingsAnswersWithTheReason() {
        String collaboration = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations", Map.of("title", "Husrådet",
                "purpose", "Foreningerne driver huset sammen", "form", "SAMORDNE", "coordinator", Map.of("name", "Karin Holm", "role", "koordinator"),
                "partners", List.of(Map.of("org", HOMEWORK.toString(), "role", "PARTICIPANT"))))).body().get("id").asText();
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> meeting = Map.of("type", "HOUSE_COUNCIL", "title", "Husrådsmøde", "startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "room", Map.of("resourceId", "motalavej-salen"));

        // A room needs an end time, and is booked in the name of one of the collaboration's partners; nothing is stored otherwise.
        long before = storedEvents();
        Response noEnd = callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings", Map.of("type", "HOUSE_COUNCIL",
                "title", "Husrådsmøde", "startsAt", start.toString(), "room", Map.of("resourceId", "motalavej-salen")));
        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.text()).contains("endsAt");
        Response stranger = callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings", Map.of("type", "HOUSE_COUNCIL",
                "title", "Husrådsmøde", "startsAt", start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                "room", Map.of("resourceId", "motalavej-salen", "partnerId", UUID.randomUUID().toString())));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.text()).contains("room.partnerId");
        assertThat(storedEvents()).isEqualTo(before);

        String first = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings", meeting)).body()
                .get("id").asText();
        JsonNode asked = room(first);
        assertThat(asked.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(asked.get("partnerId").asText()).isEqualTo(HUS.toString());
        String bookingId = asked.get("bookingId").asText();
        MeetingRoomRequested request = requestOnTopic(bookingId);
        assertThat(request.meetingId()).isEqualTo(first);
        assertThat(request.resourceId()).isEqualTo("motalavej-salen");
        assertThat(request.startsAt()).isEqualTo(start);
        // A second room while this one is asked for is refused.
        assertThat(callAs(coordinator, HttpMethod.POST, "/api/meetings/" + first + "/room", Map.of("resourceId", "motalavej-koekken")).status())
                .isEqualTo(409);

        OffsetDateTime from = start.atOffset(ZoneOffset.ofHours(1));
        publish(BOOKING, new BookingRequested(bookingId, "motalavej-salen", "motalavej", HUS.toString(), from, from.plusHours(2), Visibility.TITLE_ONLY,
                "Husrådsmøde", 2, null, null, first));
        awaitStatus(first, "AWAITING_APPROVAL");
        BookingConfirmed confirmed = new BookingConfirmed(bookingId, "motalavej-salen", "motalavej", HUS.toString(), from, from.plusHours(2),
                Visibility.TITLE_ONLY, "Husrådsmøde", 2, null, null, false, first);
        publish(BOOKING, confirmed);
        publish(BOOKING, confirmed);
        awaitStatus(first, "CONFIRMED");
        // Bookings that are not a meeting's are passed over.
        publish(BOOKING, new BookingConfirmed(UUID.randomUUID().toString(), "motalavej-salen", "motalavej", HUS.toString(), from.plusHours(3),
                from.plusHours(4), Visibility.PUBLIC, "Babycafé", 12, null, null, false));
        publish(BOOKING, new BookingCancelled(bookingId, "motalavej-salen", "motalavej", HUS.toString(), from, from.plusHours(2), false,
                CancellationReason.ROOM_UNAVAILABLE));
        JsonNode cancelled = awaitStatus(first, "CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("ROOM_UNAVAILABLE");
        assertThat(cancelled.get("reasonLabel").asText()).isEqualTo("Lokalet kan ikke bruges");

        // Once cancelled, another room may be asked for; this one is refused by room booking's rules.
        String again = expect(202, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + first + "/room",
                Map.of("resourceId", "motalavej-koekken", "partnerId", HOMEWORK.toString()))).body().get("id").asText();
        assertThat(room(first).get("bookingId").asText()).isEqualTo(again);
        assertThat(requestOnTopic(again).partnerId()).isEqualTo(HOMEWORK.toString());
        publish(BOOKING, new BookingRefused(again, "motalavej-koekken", "motalavej", HOMEWORK.toString(), from, from.plusHours(2),
                RefusalReason.QUOTA_EXCEEDED, "quota-exceeded", first));
        JsonNode refused = awaitStatus(first, "REFUSED");
        assertThat(refused.get("reason").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(refused.get("reasonLabel").asText()).isEqualTo("Aktøren har brugt sin kvote");
        // A late answer about the booking the meeting no longer waits on changes nothing.
        long settled = storedEvents();
        publish(BOOKING, confirmed);
        publish(BOOKING, new BookingConfirmed(UUID.randomUUID().toString(), "motalavej-salen", "motalavej", HUS.toString(), from, from.plusHours(2),
                Visibility.TITLE_ONLY, "Husrådsmøde", 2, null, null, false, "no-such-meeting"));
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(room(first).get("status").asText()).isEqualTo("REFUSED");
        assertThat(storedEvents()).isEqualTo(settled);
    }

    private JsonNode room(String meetingId) {
        return expect(200, callAs(coordinator, HttpMethod.GET, "/api/meetings/" + meetingId, null)).body().get("room");
    }

    private JsonNode awaitStatus(String meetingId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(room(meetingId).get("status").asText()));
        return room(meetingId);
    }

    private static MeetingRoomRequested requestOnTopic(String bookingId) {
        return TopicRecords.until(LogbookEventsV1.CATALOG.topic(), records -> read(records).stream()
                        .anyMatch(r -> r.bookingId().equals(bookingId)), Duration.ofSeconds(30)).stream()
                .map(r -> LOGBOOK.read(r).event()).filter(e -> e instanceof MeetingRoomRequested m && m.bookingId().equals(bookingId))
                .map(MeetingRoomRequested.class::cast).findFirst().orElseThrow();
    }

    private static List<MeetingRoomRequested> read(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> LOGBOOK.read(r).event()).filter(Objects::nonNull).filter(MeetingRoomRequested.class::isInstance)
                .map(MeetingRoomRequested.class::cast).toList();
    }
}
