package dk.bindeled.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The inbox forgets what it received longer ago than its retention, in bounded batches; on both databases. */
abstract class InboxRetentionContract {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration RETENTION = Duration.ofDays(30);
    static final int BATCH = 3;

    JdbcClient jdbc;
    InboxRetention retention;
    private SingleConnectionDataSource dataSource;

    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        retention = new InboxRetention(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), RETENTION, BATCH);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void entriesOlderThanTheRetentionAreRemovedAndNewerOnesKept() {
        for (int i = 0; i < 7; i++) {
            received("old-" + i, NOW.minus(RETENTION).minus(Duration.ofHours(i + 1)));
        }
        received("just-inside", NOW.minus(RETENTION).plusSeconds(60));
        received("recent", NOW.minus(Duration.ofDays(2)));

        int removed = retention.removeExpired();

        assertThat(removed).isEqualTo(7);
        assertThat(ids()).containsExactly("just-inside", "recent");
        assertThat(retention.removeExpired()).as("nothing left to remove").isZero();
    }

    @Test
    void aBatchRemovesAtMostTheBatchSizeOldestFirst() {
        for (int i = 0; i < 5; i++) {
            received("old-" + i, NOW.minus(RETENTION).minus(Duration.ofDays(i + 1)));
        }

        int removed = retention.removeBatch(OffsetDateTime.ofInstant(NOW.minus(RETENTION), ZoneOffset.UTC));

        assertThat(removed).isEqualTo(BATCH);
        assertThat(ids()).as("the newest of the expired are left for the next batch").containsExactly("old-0", "old-1");
    }

    private void received(String ceId, Instant at) {
        jdbc.sql("INSERT INTO inbox (ce_id, topic, ce_type, received_at) VALUES (?, ?, ?, ?)")
                .params(ceId, "bindeled.partner.v1", "dk.bindeled.partner.PartnerRegistered.v1", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    private List<String> ids() {
        return jdbc.sql("SELECT ce_id FROM inbox ORDER BY ce_id").query(String.class).list();
    }
}
