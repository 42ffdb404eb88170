package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The shared error handler on a real listener container: an unreadable record goes to the consumer's own dead-letter
 * topic, to the partition it came from, with the reason; a readable one that fails is tried again until it goes
 * through, and is never dead-lettered.
 */
class DeadLetteringIT {

    static final String SOURCE = KafkaContexts.uniqueTopic("source");
    static final int PARTITION = 2;

    /** Unreadable when it says "poison"; fails its first three attempts when it says "transient". */
    static class Listener {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<String> applied = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "kafka-support-dead-lettering", topics = "${test.source-topic}")
        void on(ConsumerRecord<String, byte[]> record) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            int attempt = attempts.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
            if (value.equals("poison")) {
                throw new UnreadableEventException("record at offset " + record.offset() + " is not a CloudEvent");
            }
            if (value.equals("transient") && attempt <= 3) {
                throw new TransientDataAccessResourceException("database away, attempt " + attempt);
            }
            applied.add(value);
        }
    }

    static class CountingFailures implements ListenerFailures {
        final List<String> deadLettered = new CopyOnWriteArrayList<>();
        final AtomicInteger failedAttempts = new AtomicInteger();

        @Override
        public void deadLettered(ConsumerRecord<?, ?> record, Exception failure) {
            deadLettered.add(new String((byte[]) record.value(), StandardCharsets.UTF_8));
        }

        @Override
        public void failedAttempt(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            failedAttempts.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {
        @Bean
        ServiceTopics serviceTopics() {
            return ServiceTopics.of("room-booking").consumes(SOURCE);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }

        @Bean
        CountingFailures failures() {
            return new CountingFailures();
        }
    }

    @Test
    void poisonGoesToTheDeadLetterTopicOnItsPartitionWithTheReasonAndATransientFailureIsRetried() {
        String deadLetterTopic = SOURCE + ".room-booking.dlt";
        KafkaContexts.runner()
                .withUserConfiguration(Consumer.class)
                .withPropertyValues("test.source-topic=" + SOURCE, "bindeled.kafka.consumer.retry.initial-interval=50ms", "bindeled.kafka.consumer.retry.max-interval=200ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    @SuppressWarnings("unchecked")
                    KafkaTemplate<String, byte[]> kafka = context.getBean(KafkaTemplate.class);
                    Listener listener = context.getBean(Listener.class);
                    // One partition, in this order: the poison is reached only once the transient failure has gone through.
                    for (String value : List.of("transient", "poison", "after")) {
                        kafka.send(new ProducerRecord<>(SOURCE, PARTITION, "k1", value.getBytes(StandardCharsets.UTF_8))).get();
                    }

                    await().atMost(Duration.ofSeconds(60)).until(() -> listener.applied.contains("after"));

                    assertThat(listener.applied).containsExactly("transient", "after");
                    assertThat(listener.attempts.get("transient")).hasValue(4);
                    assertThat(listener.attempts.get("poison")).as("not retried").hasValue(1);
                    List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                            .until(() -> KafkaContexts.readAll(deadLetterTopic), records -> !records.isEmpty());
                    assertThat(deadLetters).singleElement().satisfies(dead -> {
                        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("poison");
                        assertThat(dead.key()).isEqualTo("k1");
                        assertThat(dead.partition()).isEqualTo(PARTITION);
                        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                                .startsWith("record at offset").endsWith("is not a CloudEvent");
                    });
                    CountingFailures failures = context.getBean(CountingFailures.class);
                    assertThat(failures.deadLettered).containsExactly("poison");
                    assertThat(failures.failedAttempts).as("three of the transient record, the poison's one").hasValue(4);
                });
    }
}
