package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.logbook.v1.MeetingRoomRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The room-booking half of a meeting's room: a {@code MeetingRoomRequested} on the real broker becomes a booking by the
 * ordinary rules, and the answer goes back on {@code bindeled.booking.v1} — the booking's events when it is made,
 * {@code BookingRefused} with the reason when a rule refuses it, once per request even when the request comes twice.
 */
class MeetingRoomRequestsIT extends IntegrationTest {

    private static final CloudEventCodec LOGBOOK = new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);
    private static final CloudEventCodec BOOKING = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);

    @Test
    void aMeetingsRoomIsBookedOrRefusedWithTheReasonAndARepeatedRequestBooksNothingTwice() {
        String centre = centre("meetings");
        String salen = room(centre, "Salen", 40, false);
        String partner = partner("Foreningernes Hus", centre);
        Instant start = LocalDateTime.of(2027, 3, 11, 17, 0).atZone(ZONE).toInstant();
        String first = UUID.randomUUID().toString();
        String clashing = UUID.randomUUID().toString();
        String nowhere = UUID.randomUUID().toString();

        MeetingRoomRequested request = request(first, salen, partner, start);
        publish(LOGBOOK, request);
        publish(LOGBOOK, request);
        publish(LOGBOOK, request(clashing, salen, partner, start.plus(Duration.ofMinutes(30))));
        publish(LOGBOOK, request(nowhere, "no-such-room", partner, start));

        // Every room-booking context this test JVM still holds (each on a database of its own, each its own consumer group)
        // reads the same requests; the others, not knowing the room, refuse it as unknown. This installation's answers
        // are the ones that name its centre.
        List<Object> answers = answers(events -> events.stream().anyMatch(e -> e instanceof BookingRefused r && r.bookingId().equals(nowhere))
                && events.stream().anyMatch(e -> ours(e, clashing, centre)) && events.stream().anyMatch(e -> e instanceof BookingConfirmed c
                && c.bookingId().equals(first)));
        assertThat(answers.stream().filter(e -> e instanceof BookingConfirmed c && c.bookingId().equals(first)).toList())
                .as("the first request is confirmed once").hasSize(1)
                .first().satisfies(e -> {
                    BookingConfirmed confirmed = (BookingConfirmed) e;
                    assertThat(confirmed.partnerId()).isEqualTo(partner);
                    assertThat(confirmed.start().toInstant()).isEqualTo(start);
                    assertThat(confirmed.title()).isEqualTo("Husrådsmøde marts");
                    assertThat(confirmed.meetingId()).as("the meeting it is for").isEqualTo(request.meetingId());
                });
        assertThat(answers).noneMatch(e -> ours(e, first, centre));
        List<BookingRefused> taken = answers.stream().filter(e -> ours(e, clashing, centre)).map(BookingRefused.class::cast).toList();
        assertThat(taken).as("refused once by this installation").hasSize(1);
        assertThat(taken.get(0).refusal()).isEqualTo(RefusalReason.TIME_TAKEN);
        assertThat(taken.get(0).rule()).isEqualTo("time-taken");
        assertThat(taken.get(0).meetingId()).isNotNull();
        assertThat(answers).filteredOn(e -> e instanceof BookingRefused r && r.bookingId().equals(nowhere))
                .allSatisfy(e -> {
                    assertThat(((BookingRefused) e).refusal()).isEqualTo(RefusalReason.UNKNOWN_RESOURCE);
                    assertThat(((BookingRefused) e).centreId()).isNull();
                });
        // The calendar holds the meeting once, under the id the meeting chose.
        assertThat(expect(200, call(HttpMethod.GET, "/api/bookings/" + first, null)).body().get("resourceId").asText()).isEqualTo(salen);
    }

    @Test
    void aRoomThatNeedsApprovalAnswersThatTheBookingAwaitsTheManager() {
        String centre = centre("approval");
        String room = room(centre, "Mødelokalet", 12, true);
        String partner = partner("Beboerforeningen", centre);
        String bookingId = UUID.randomUUID().toString();
        publish(LOGBOOK, request(bookingId, room, partner, LocalDateTime.of(2027, 3, 16, 18, 0).atZone(ZONE).toInstant()));

        List<Object> answers = answers(events -> events.stream().anyMatch(e -> e instanceof BookingRequested r && r.bookingId().equals(bookingId)));
        assertThat(answers).noneMatch(e -> e instanceof BookingConfirmed c && c.bookingId().equals(bookingId));
    }

    private static MeetingRoomRequested request(String bookingId, String resourceId, String partnerId, Instant start) {
        return new MeetingRoomRequested(UUID.randomUUID().toString(), "collaboration-1", bookingId, resourceId, partnerId, "Husrådsmøde marts",
                start, start.plus(Duration.ofHours(2)), 8);
    }

    private static List<Object> answers(java.util.function.Predicate<List<Object>> done) {
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>, List<Object>> read = records ->
                records.stream().map(r -> (Object) BOOKING.read(r).event()).filter(Objects::nonNull).toList();
        return read.apply(consumeUntil(BOOKING_TOPIC, records -> done.test(read.apply(records)), Duration.ofSeconds(60)));
    }

    /** A refusal of the booking by this installation's rules (one that knows the room, so names its centre). */
    private static boolean ours(Object event, String bookingId, String centreId) {
        return event instanceof BookingRefused r && r.bookingId().equals(bookingId) && centreId.equals(r.centreId());
    }
}
