package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** The token of the publishing processor may only move past events the broker has acknowledged. */
class IntegrationEventSenderTest {

    KafkaTemplate<String, byte[]> kafka;
    List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
    List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    IntegrationEventSender sender;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            CompletableFuture<SendResult<String, byte[]>> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        });
        sender = new IntegrationEventSender(kafka, new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE),
                meters, Duration.ofMillis(300));
    }

    static PartnerRegistered registered(String id) {
        return new PartnerRegistered(id, "Café Sumak", Sector.PRIVATE, PartnerKind.SOCIAL_ECONOMY_BUSINESS, null, null, null, null, null);
    }

    static GenericEventMessage<PartnerRegistered> message(PartnerRegistered event) {
        return new GenericEventMessage<>(event);
    }

    @Test
    void aBatchIsSentAtOnceAndCommitsOnlyWhenEveryEventIsAcknowledged() throws Exception {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (String id : List.of("p1", "p2", "p3")) {
            sender.send(registered(id), message(registered(id)));
        }
        assertThat(sent).as("all three on their way before any acknowledgement").hasSize(3);

        AtomicBoolean committed = new AtomicBoolean();
        batch.afterCommit(uow -> committed.set(true));
        acks.forEach(ack -> ack.complete(null));
        batch.commit();

        assertThat(committed).isTrue();
        assertThat(published()).isEqualTo(3);
        assertThat(meters.counter("bindeled.events.publish.failures").count()).isZero();
    }

    @Test
    void oneUnacknowledgedEventFailsTheWholeBatchSoItIsSentAgain() throws Exception {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (String id : List.of("p1", "p2", "p3")) {
            sender.send(registered(id), message(registered(id)));
        }
        AtomicBoolean committed = new AtomicBoolean();
        AtomicBoolean rolledBack = new AtomicBoolean();
        batch.afterCommit(uow -> committed.set(true));
        batch.onRollback(uow -> rolledBack.set(true));
        acks.get(0).complete(null);
        acks.get(1).completeExceptionally(new IllegalStateException("broker gone"));
        // The third never answers: the ack timeout ends the wait.

        assertThatThrownBy(batch::commit).hasMessageContaining("did not acknowledge");
        assertThat(committed).isFalse();
        assertThat(rolledBack).isTrue();
        assertThat(meters.counter("bindeled.events.publish.failures").count()).isEqualTo(2);
    }

    @Test
    void outsideABatchTheSendWaitsForItsAcknowledgement() throws Exception {
        // No answer from the broker: the send itself fails after the ack timeout.
        assertThatThrownBy(() -> sender.send(registered("p8"), message(registered("p8")))).hasMessageContaining("did not acknowledge");
        assertThat(published()).isZero();

        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        sender.send(registered("p9"), message(registered("p9")));
        assertThat(published()).isEqualTo(1);
    }

    private double published() {
        return meters.find("bindeled.events.published").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
