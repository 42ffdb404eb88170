package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.dashboard.query.ChangeApplied;
import dk.bindeled.events.Topics;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A valid event whose application fails for a reason that is not the database (here: a listener inside the
 * projection's transaction that throws) is retried until it goes through, never dead-lettered, and the
 * events behind it on its key wait for it. Only a record that cannot be read is dead-lettered.
 */
@TestPropertySource(properties = {
        // Short pauses so that many failed attempts fit in a test; the policy is the same as in production.
        "bindeled.kafka.consumer.retry.initial-interval=100ms",
        "bindeled.kafka.consumer.retry.max-interval=400ms"})
class ConsumerRetryIT extends DashboardIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** More than the old policy's four retries for a non-database failure. */
    private static final int FAILURES = 8;

    @Autowired
    FlakyApplication flaky;

    @Autowired
    MeterRegistry meters;

    @Test
    void aValidEventThatFailsAgainAndAgainIsAppliedInOrderAndNeverDeadLettered() {
        double deadLetteredBefore = meters.get(ConsumerMetrics.DEAD_LETTERED).tag("topic", Topics.PARTNER_V1).counter().count();
        PartnerRegistered partner = newPartner("Lejerbo beboerrådgivning " + UUID.randomUUID());
        String key = partner.partnerId();
        String registered = UUID.randomUUID().toString();
        flaky.failTimes(registered, FAILURES);

        publish(partner, registered);
        // Same key, so same partition: strictly behind the failing event.
        byte[] poison = "{\"partnerId\":\"not a CloudEvent\"}".getBytes(StandardCharsets.UTF_8);
        send(new ProducerRecord<>(Topics.PARTNER_V1, key, poison));
        String deactivated = publish(new PartnerDeactivated(partner.partnerId(), "Projektet er slut"));

        await().atMost(WAIT).until(() -> flaky.committed().contains(deactivated));
        assertThat(flaky.attempts(registered)).as("failed attempts and the one that went through").isEqualTo(FAILURES + 1);
        List<String> committed = flaky.committed();
        assertThat(committed).contains(registered);
        assertThat(committed.indexOf(registered)).as("the registration is applied before the later event of its partner")
                .isLessThan(committed.indexOf(deactivated));
        assertThat(hasChange(overview(), "Ny aktør: " + partner.name())).isTrue();
        assertThat(hasChange(overview(), "Aktør deaktiveret: " + partner.name())).isTrue();

        awaitCaughtUp();
        List<ConsumerRecord<String, byte[]>> deadLettered = allDeadLetters(Topics.PARTNER_V1, key);
        assertThat(deadLettered).as("only the unreadable record is dead-lettered").hasSize(1);
        assertThat(deadLettered.get(0).value()).isEqualTo(poison);
        assertThat(deadLetterReason(deadLettered.get(0))).isNotBlank();
        assertThat(meters.get(ConsumerMetrics.DEAD_LETTERED).tag("topic", Topics.PARTNER_V1).counter().count())
                .isEqualTo(deadLetteredBefore + 1);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {

        @Bean
        FlakyApplication flakyApplication() {
            return new FlakyApplication();
        }
    }

    /**
     * Runs inside the projection's transaction for every applied event: throws (a plain bug-like exception,
     * not a database one) for the events a test names, as often as it says; records what was committed.
     */
    static class FlakyApplication {

        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final List<String> committed = new CopyOnWriteArrayList<>();

        void failTimes(String ceId, int times) {
            failuresLeft.put(ceId, new AtomicInteger(times));
        }

        int attempts(String ceId) {
            AtomicInteger count = attempts.get(ceId);
            return count == null ? 0 : count.get();
        }

        List<String> committed() {
            return List.copyOf(committed);
        }

        @EventListener
        public void duringApplication(ChangeApplied applied) {
            String id = applied.change().id();
            attempts.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
            AtomicInteger left = failuresLeft.get(id);
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("Simulated failure applying " + id);
            }
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        public void afterCommit(ChangeApplied applied) {
            committed.add(applied.change().id());
        }
    }
}
