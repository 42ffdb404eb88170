package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A service's publisher in a real Axon configuration: in the processor of the processing group it was made for (not in
 * one named after this module's package), publishing what the translator allows and nothing else.
 */
class IntegrationEventPublisherTest {

    record DomainRegistered(String partnerId) {
    }

    record DomainInternal(String partnerId) {
    }

    final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    Configuration axon;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        IntegrationEventPublisher publisher = new IntegrationEventPublishers(kafka, new SimpleMeterRegistry(), Duration.ofSeconds(5))
                .publisher("kafka-publisher", PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE,
                        event -> event instanceof DomainRegistered registered
                                ? Optional.of(new PartnerRegistered(registered.partnerId(), "Café Sumak", Sector.PRIVATE,
                                        PartnerKind.SOCIAL_ECONOMY_BUSINESS, null, null, null, null, null))
                                : Optional.empty());

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        // As Axon's Spring integration registers every bean with event handlers.
        configurer.eventProcessing().registerEventHandler(c -> publisher);
        new KafkaSupportAutoConfiguration.PublisherConfiguration()
                .integrationEventPublisherGroups(new StaticListableBeanFactory(Map.of("kafkaEventPublisher", publisher))
                        .getBeanProvider(IntegrationEventPublisher.class))
                .configureModule(configurer);
        axon = configurer.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void thePublisherRunsInItsOwnProcessingGroupAndPublishesOnlyTheAllowList() {
        assertThat(axon.eventProcessingConfiguration().eventProcessorByProcessingGroup("kafka-publisher")).isPresent();
        assertThat(axon.eventProcessingConfiguration().eventProcessors()).containsOnlyKeys("kafka-publisher");

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new DomainInternal("p0")),
                GenericEventMessage.asEventMessage(new DomainRegistered("p1")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !sent.isEmpty());
        assertThat(sent).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("bindeled.partner.v1");
            assertThat(record.key()).isEqualTo("p1");
        });
    }
}
