package dk.bindeled.booking.integration.in;

import dk.bindeled.booking.api.Commands.BookMeetingRoom;
import dk.bindeled.booking.api.Events.BookingRefused;
import dk.bindeled.command.RetryingCommandSender;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.logbook.v1.MeetingRoomRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Books the rooms meetings ask for on {@code bindeled.logbook.v1}, by the same rules as a booking made through the API
 * ({@link BookMeetingRoom}). The logbook vouches for who asks (the collaboration's coordinator, in the name of one of
 * its partners); the rules here still decide whether that partner may book the room then. The answer goes back on
 * {@code bindeled.booking.v1}: the booking's own events when it is made (confirmed, or requested when the room needs
 * approval), or {@code BookingRefused} with the reason — stored in the event store like every other event, so the
 * outbox publishes it and nothing is lost if the service stops in between. A request delivered again changes nothing.
 */
@Component
public class MeetingRoomRequestsListener {

    static final String ACTOR = "meeting-logbook";

    private final CloudEventCodec codec = new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);
    private final RetryingCommandSender commands;
    private final EventGateway events;

    public MeetingRoomRequestsListener(RetryingCommandSender commands, EventGateway events) {
        this.commands = commands;
        this.events = events;
    }

    @KafkaListener(id = "room-booking-meeting-rooms", idIsGroup = false, topics = Topics.LOGBOOK_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        if (codec.read(record).event() instanceof MeetingRoomRequested request) {
            book(request);
        }
        // The logbook's other events are not room booking's business.
    }

    private void book(MeetingRoomRequested request) {
        try {
            commands.send(new BookMeetingRoom(request.resourceId(), request.bookingId(), request.partnerId(), request.startsAt(),
                    request.endsAt(), request.title(), request.attendees(), request.meetingId()), ACTOR);
        } catch (AggregateNotFoundException unknownRoom) {
            // No schedule to record it on: the refusal is an event of its own.
            events.publish(new BookingRefused(request.bookingId(), request.resourceId(), null, request.partnerId(), null, null,
                    RefusalReason.UNKNOWN_RESOURCE, "unknown-resource", "No resource " + request.resourceId(), request.meetingId()));
        }
    }
}
