package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.BookingProjection;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@code bindeled.booking.v1} into the read model of centres, resources and confirmed bookings. */
@Component
public class BookingEventsListener extends InboxListener {

    public BookingEventsListener(@Qualifier("bookingEventCodec") CloudEventCodec codec, BookingProjection projection,
                                 ConsumerMetrics metrics) {
        super(codec, projection, metrics);
    }

    @KafkaListener(id = "dashboard-booking-events", idIsGroup = false, topics = Topics.BOOKING_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
