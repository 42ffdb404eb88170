package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The running service removes inbox entries past their retention by itself, and keeps the others. */
@TestPropertySource(properties = {
        "bindeled.kafka.inbox.retention=30d",
        "bindeled.kafka.inbox.cleanup-interval=200ms",
        "bindeled.kafka.inbox.cleanup-batch-size=2"})
class InboxCleanupIT extends DashboardIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void expiredInboxEntriesAreRemovedOnSchedule() {
        String prefix = "retention-" + UUID.randomUUID() + "-";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            received(prefix + "old-" + i, now.minusDays(31 + i));
        }
        received(prefix + "recent", now.minusDays(29));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(prefix + "old-%") == 0);
        assertThat(count(prefix + "recent")).isEqualTo(1);
    }

    private void received(String ceId, OffsetDateTime at) {
        jdbc.sql("INSERT INTO inbox (ce_id, topic, ce_type, received_at) VALUES (?, ?, ?, ?)")
                .params(ceId, "bindeled.partner.v1", "dk.bindeled.partner.PartnerRegistered.v1", at)
                .update();
    }

    private long count(String pattern) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE ce_id LIKE ?").param(pattern).query(Long.class).single();
    }
}
