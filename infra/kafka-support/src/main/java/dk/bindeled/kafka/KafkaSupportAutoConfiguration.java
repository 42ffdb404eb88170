package dk.bindeled.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka the same way in every Bindeled service. A service declares what it has, and gets the rest:
 * <ul>
 *   <li>a {@link ServiceTopics} bean: its topics and its dead-letter topics are created with {@code bindeled.kafka.topics},
 *       and its listener containers get the {@link ListenerErrorPolicy} (Boot's container factory picks up the handler);</li>
 *   <li>an {@link InboxTable} bean: the {@link Inbox} on that table, and its {@link InboxRetention};</li>
 *   <li>an {@link IntegrationEventPublisher} bean (made with the {@link IntegrationEventPublishers} provided here when
 *       Axon is present): assigned to its processing group.</li>
 * </ul>
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaSupportProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnBean(ServiceTopics.class)
    KafkaAdmin.NewTopics serviceTopicDeclarations(ServiceTopics topics, KafkaSupportProperties properties) {
        return new KafkaAdmin.NewTopics(topics.newTopics(properties.topics()).toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(ServiceTopics.class)
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate, ServiceTopics topics, KafkaSupportProperties properties,
                                          ObjectProvider<ListenerFailures> listeners) {
        return ListenerErrorPolicy.deadLettering(kafkaTemplate, topics, properties.consumer().retry(), listeners.orderedStream().toList());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(InboxTable.class)
    static class InboxConfiguration {

        @Bean
        @ConditionalOnMissingBean
        Inbox inbox(DataSource dataSource, InboxTable table, ObjectProvider<Clock> clock) {
            return new Inbox(JdbcClient.create(dataSource), clock.getIfUnique(Clock::systemUTC), table);
        }

        /** By the service's clock, if it has one: the clock that stamped the rows. */
        @Bean
        @ConditionalOnMissingBean
        InboxRetention inboxRetention(DataSource dataSource, InboxTable table, ObjectProvider<Clock> clock, KafkaSupportProperties properties) {
            return new InboxRetention(JdbcClient.create(dataSource), clock.getIfUnique(Clock::systemUTC), table, properties.inbox());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({EventMessage.class, ConfigurerModule.class})
    static class PublisherConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IntegrationEventPublishers integrationEventPublishers(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                                                              KafkaSupportProperties properties) {
            return new IntegrationEventPublishers(kafka, meters, properties.ackTimeout());
        }

        /**
         * Axon would put a handler bean without {@code @ProcessingGroup} into the group named after its package, the same
         * for every service's publisher; this puts each into the group it was made for.
         */
        @Bean
        ConfigurerModule integrationEventPublisherGroups(ObjectProvider<IntegrationEventPublisher> publishers) {
            return configurer -> publishers.orderedStream().forEach(publisher -> configurer.eventProcessing()
                    .assignHandlerInstancesMatching(publisher.processingGroup(), handler -> handler == publisher));
        }
    }
}
