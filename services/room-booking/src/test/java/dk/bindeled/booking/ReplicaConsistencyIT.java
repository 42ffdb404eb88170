package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command is never decided on state the event store does not hold: not on a schedule another instance
 * has changed since this one cached it, not on events of a transaction that rolled back, not on the events
 * of another kind of aggregate that happens to share the id.
 */
class ReplicaConsistencyIT extends IntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSlotCancelledOnOneInstanceCanBeBookedAgainOnTheOther() {
        String centre = centre("replica");
        String room = room(centre, "Salen", 40, false);
        String partner = partner("Beboerforeningen", centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 9, 10, 0);
        try (ConfigurableApplicationContext second = secondInstance()) {
            int portB = portOf(second);
            String booking = expect(201, call(port, HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(2))))
                    .body().get("bookingId").asText();
            expect(200, call(portB, HttpMethod.POST, "/api/bookings/" + booking + "/cancel",
                    Map.of("reason", "Aflyst", "reasonCategory", "OTHER")));

            // Instance A cached the schedule with the booking in it; it must see the cancellation before deciding.
            Response again = call(port, HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(2)));
            assertThat(again.status()).as(again.text()).isEqualTo(201);
            Response onB = call(portB, HttpMethod.POST, "/api/bookings", booking(room, partner, start.plusHours(3), start.plusHours(4)));
            assertThat(onB.status()).as(onB.text()).isEqualTo(201);
        }
        assertContiguous(room);
    }

    @Test
    void aBookingInsideARolledBackTransactionLeavesNothingBehindInTheCache() {
        String centre = centre("rollback");
        String room = room(centre, "Køkkenet", 20, false);
        String partner = partner("Lektiecaféen", centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 10, 15, 0);
        // Warm the cache, so the rolled-back command below works on the cached schedule.
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, start.minusHours(3), start.minusHours(2))));

        RequestBooking phantom = new RequestBooking(room, UUID.randomUUID().toString(), partner, start, start.plusHours(1),
                new BookingDetails("Spøgelse", null, 5, null, Visibility.PUBLIC, null, null));
        try {
            transactions.executeWithoutResult(status -> {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(phantom).andMetaData(Map.of("actor", "test")));
                // Like a Kafka listener whose next step fails after the command's own unit of work has ended.
                throw new IllegalStateException("a later step of the transaction fails");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("later step");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_locator WHERE id = ?").param(phantom.bookingId())
                .query(Long.class).single()).as("nothing stored").isZero();

        Response same = call(HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(1)));
        assertThat(same.status()).as(same.text()).isEqualTo(201);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, start.plusHours(2), start.plusHours(3))));
        assertContiguous(room);
    }

    @Test
    void anIdOfAnotherKindOfAggregateIsNotFoundNotAServerError() {
        String centre = centre("types");
        String room = room(centre, "Mødelokalet", 12, false);
        String partner = partner("Sundhedsplejen", centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 11, 10, 0);

        Response centreAsRoom = call(HttpMethod.POST, "/api/bookings", booking(centre, partner, start, start.plusHours(1)));
        assertThat(centreAsRoom.status()).as(centreAsRoom.text()).isEqualTo(400);
        assertThat(centreAsRoom.contentType()).contains("application/problem+json");
        assertThat(centreAsRoom.text()).contains("resourceId");

        // As admin, whom the access rules let past for any centre id, so the lookup itself answers.
        Response roomAsCentre = callAs(admin(), HttpMethod.PUT, "/api/centres/" + room + "/quotas/" + partner, Map.of("hoursPerWeek", 4));
        assertThat(roomAsCentre.status()).as(roomAsCentre.text()).isEqualTo(404);
        assertThat(roomAsCentre.contentType()).contains("application/problem+json");

        Response centreAsRoomRules = callAs(admin(), HttpMethod.PUT, "/api/resources/" + centre + "/rules", Map.of("access", "ALL_CENTRE_PARTNERS"));
        assertThat(centreAsRoomRules.status()).as(centreAsRoomRules.text()).isEqualTo(404);
        assertThat(centreAsRoomRules.contentType()).contains("application/problem+json");
    }

    /** The stream's sequence numbers have no gap: nothing was numbered on top of events that were never stored. */
    private void assertContiguous(String aggregateId) {
        List<Long> sequence = jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(aggregateId).query(Long.class).list();
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("sequence number " + i).isEqualTo(i);
        }
    }
}
