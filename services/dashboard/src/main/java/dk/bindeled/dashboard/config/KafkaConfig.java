package dk.bindeled.dashboard.config;

import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.kafka.InboxTable;
import dk.bindeled.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the dashboard has on Kafka; how topics are declared, unreadable records dead-lettered and the inbox kept is
 * kafka-support's (the consumer metrics hear of dead letters and retries as its {@code ListenerFailures}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    CloudEventCodec partnerEventCodec() {
        return new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    }

    @Bean
    CloudEventCodec bookingEventCodec() {
        return new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    }

    @Bean
    CloudEventCodec referralEventCodec() {
        return new CloudEventCodec(dk.bindeled.events.referral.v1.ReferralEventsV1.CATALOG, dk.bindeled.events.referral.v1.ReferralEventsV1.SOURCE);
    }

    @Bean
    CloudEventCodec logbookEventCodec() {
        return new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);
    }

    /**
     * The consumed topics, declared exactly as their producers declare them so the dashboard can start first, and the
     * dashboard's own dead-letter topics for them ({@code bindeled.partner.v1.dashboard.dlt}, {@code bindeled.booking.v1.dashboard.dlt},
     * {@code bindeled.referral.v1.dashboard.dlt}, {@code bindeled.logbook.v1.dashboard.dlt}).
     */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.of("dashboard").consumes(Topics.PARTNER_V1, Topics.BOOKING_V1, Topics.REFERRAL_V1, Topics.LOGBOOK_V1);
    }

    /** The read model's inbox (V1__read_model.sql), cleaned up by kafka-support's retention. */
    @Bean
    InboxTable inboxTable() {
        return InboxTable.STANDARD;
    }
}
