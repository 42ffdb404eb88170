package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A transaction that took a global index but commits after a later one leaves a gap for a while. The
 * streaming processors keep looking for the missing index until the gap timeout, so the late event is
 * still published rather than skipped. Here the gap is filled well within the configured timeout.
 */
class GapTimeoutIT extends IntegrationTest {

    @Value("${bindeled.axon.gap-timeout}")
    private Duration gapTimeout;

    @Test
    void anEventCommittedLateIntoAGapIsStillPublished() {
        assertThat(gapTimeout).isEqualTo(Duration.ofSeconds(10));
        String template = register(Fixtures.profile("Skabelon", null));

        // An in-flight writer takes the next index and has not committed yet.
        long reserved = jdbc.sql("SELECT nextval('domain_event_entry_seq')").query(Long.class).single();
        String later = register(Fixtures.profile("Senere", null));
        consumeUntil(Topics.PARTNER_V1, rs -> rs.stream().anyMatch(r -> later.equals(r.key())), Duration.ofSeconds(30));
        long laterIndex = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?").param(later)
                .query(Long.class).single();
        assertThat(laterIndex).isGreaterThan(reserved);

        // Now it commits, below an index the processors have already passed.
        String lateEventId = UUID.randomUUID().toString();
        String lateAggregate = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision, payload_type,
                                                time_stamp, aggregate_identifier, sequence_number, type)
                SELECT ?, ?, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),
                       payload_revision, payload_type, time_stamp, ?, 0, type
                FROM domain_event_entry WHERE aggregate_identifier = ?""")
                .params(reserved, lateEventId, template, lateAggregate, lateAggregate, template).update();

        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.PARTNER_V1,
                rs -> rs.stream().anyMatch(r -> lateEventId.equals(ceId(r))), gapTimeout);
        assertThat(records.stream().map(GapTimeoutIT::ceId)).contains(lateEventId);
        // The late registration is a partner of its own, and the projection took it too.
        org.awaitility.Awaitility.await().atMost(gapTimeout).untilAsserted(() ->
                assertThat(call(org.springframework.http.HttpMethod.GET, "/api/partners/" + lateAggregate, null).status()).isEqualTo(200));
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
