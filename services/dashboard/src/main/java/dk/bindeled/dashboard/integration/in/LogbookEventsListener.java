package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.CollaborationMappingProjection;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@code bindeled.logbook.v1} into the mapping of the collaboration. */
@Component
public class LogbookEventsListener extends InboxListener {

    public LogbookEventsListener(@Qualifier("logbookEventCodec") CloudEventCodec codec, CollaborationMappingProjection projection,
                                 ConsumerMetrics metrics) {
        super(codec, projection, metrics);
    }

    @KafkaListener(id = "dashboard-logbook-events", idIsGroup = false, topics = Topics.LOGBOOK_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }
}
