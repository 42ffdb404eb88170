package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.Topics;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The broker goes away while partners are being registered. Commands still succeed (the event store
 * is the outbox); publishing fails, is counted, and its token does not advance. When the broker is
 * back every event is published: none lost.
 */
class KafkaOutageIT extends IntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void eventsStoredWhileKafkaIsDownAreAllPublishedWhenItReturns() {
        TestKafka kafka = TestInfrastructure.kafka();
        String before = register(Fixtures.profile("Før nedbruddet", null));
        consumeUntil(Topics.PARTNER_V1, rs -> rs.stream().anyMatch(r -> before.equals(r.key())), Duration.ofSeconds(30));
        double failuresBefore = failures();

        List<String> during = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                during.add(register(Fixtures.profile("Under nedbruddet " + i, null)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
        } finally {
            kafka.start();
        }

        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.PARTNER_V1,
                rs -> rs.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(during), Duration.ofSeconds(120));
        Set<String> published = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(published).containsAll(during);
    }

    private double failures() {
        return meters.get("bindeled.events.publish.failures").counter().count();
    }
}
