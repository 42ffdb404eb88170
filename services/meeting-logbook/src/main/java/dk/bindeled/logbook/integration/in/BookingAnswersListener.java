package dk.bindeled.logbook.integration.in;

import dk.bindeled.command.RetryingCommandSender;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingCancelled;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingRefused;
import dk.bindeled.events.booking.v1.BookingRejected;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.logbook.api.Commands.RecordRoomAnswer;
import dk.bindeled.logbook.api.Commands.RoomStatus;
import dk.bindeled.logbook.query.LogbookQueries;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Room booking's answers to the rooms meetings asked for, from {@code bindeled.booking.v1}: confirmed, awaiting the
 * manager's approval, refused by a rule (each naming the meeting), and later rejected or cancelled (found by the
 * booking id the meeting chose). Every other booking is room booking's alone and is passed over. The meeting ignores
 * an answer it has already, so a record delivered again changes nothing.
 */
@Component
public class BookingAnswersListener {

    static final String ACTOR = "room-booking";

    private final CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    private final RetryingCommandSender commands;
    private final LogbookQueries queries;

    public BookingAnswersListener(RetryingCommandSender commands, LogbookQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @KafkaListener(id = "meeting-logbook-room-answers", idIsGroup = false, topics = Topics.BOOKING_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        Object event = codec.read(record).event();
        if (event instanceof BookingConfirmed e && e.meetingId() != null) {
            answer(e.meetingId(), e.bookingId(), RoomStatus.CONFIRMED, null);
        } else if (event instanceof BookingRequested e && e.meetingId() != null) {
            answer(e.meetingId(), e.bookingId(), RoomStatus.AWAITING_APPROVAL, null);
        } else if (event instanceof BookingRefused e && e.meetingId() != null) {
            answer(e.meetingId(), e.bookingId(), RoomStatus.REFUSED, e.refusal().name());
        } else if (event instanceof BookingRejected e) {
            queries.meetingOfBooking(e.bookingId()).ifPresent(meeting -> answer(meeting, e.bookingId(), RoomStatus.REJECTED,
                    e.reasonCategory() == null ? null : e.reasonCategory().name()));
        } else if (event instanceof BookingCancelled e) {
            queries.meetingOfBooking(e.bookingId()).ifPresent(meeting -> answer(meeting, e.bookingId(), RoomStatus.CANCELLED,
                    e.reasonCategory() == null ? null : e.reasonCategory().name()));
        }
    }

    private void answer(String meetingId, String bookingId, RoomStatus status, String reason) {
        try {
            commands.send(new RecordRoomAnswer(meetingId, bookingId, status, reason), ACTOR);
        } catch (AggregateNotFoundException notOurs) {
            // A meeting id this logbook never had (another installation's, or a hand-made booking): nothing to tell.
        }
    }
}
