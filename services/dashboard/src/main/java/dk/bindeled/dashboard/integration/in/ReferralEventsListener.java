package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.ReferralProjection;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@code bindeled.referral.v1} into the referral flow. */
@Component
public class ReferralEventsListener extends InboxListener {

    public ReferralEventsListener(@Qualifier("referralEventCodec") CloudEventCodec codec, ReferralProjection projection, ConsumerMetrics metrics) {
        super(codec, projection, metrics);
    }

    @KafkaListener(id = "dashboard-referral-events", idIsGroup = false, topics = Topics.REFERRAL_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
