package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.PartnerProjection;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@code bindeled.partner.v1} into the read model of partners, offers and the sharing board. */
@Component
public class PartnerEventsListener extends InboxListener {

    public PartnerEventsListener(@Qualifier("partnerEventCodec") CloudEventCodec codec, PartnerProjection projection,
                                 ConsumerMetrics metrics) {
        super(codec, projection, metrics);
    }

    @KafkaListener(id = "dashboard-partner-events", idIsGroup = false, topics = Topics.PARTNER_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
