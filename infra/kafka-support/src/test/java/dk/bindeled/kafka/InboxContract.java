package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.events.cloudevents.ReceivedEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox on both databases a service runs on: an id is recorded once, in the caller's transaction, and forgotten
 * after the retention in bounded batches. In the standard shape and in one without a topic column (room booking's).
 */
abstract class InboxContract {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration RETENTION = Duration.ofDays(30);
    static final int BATCH = 3;
    static final InboxTable WITHOUT_TOPIC = new InboxTable("replica_inbox", "event_id", "event_type", null, "processed_at");

    JdbcClient jdbc;
    TransactionTemplate transaction;
    private SingleConnectionDataSource dataSource;

    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void createTables() {
        dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("""
                CREATE TABLE inbox (ce_id VARCHAR(200) PRIMARY KEY, topic VARCHAR(249) NOT NULL, ce_type VARCHAR(200) NOT NULL,
                                    received_at TIMESTAMP WITH TIME ZONE NOT NULL)""").update();
        jdbc.sql("""
                CREATE TABLE replica_inbox (event_id VARCHAR(128) PRIMARY KEY, event_type VARCHAR(200) NOT NULL,
                                            processed_at TIMESTAMP WITH TIME ZONE NOT NULL)""").update();
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void anEventIsNewOnceAndADuplicateAfterwards() {
        for (InboxTable table : List.of(InboxTable.STANDARD, WITHOUT_TOPIC)) {
            Inbox inbox = new Inbox(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), table);

            assertThat(deliver(inbox, "e1")).as("first delivery into %s", table.table()).isTrue();
            assertThat(deliver(inbox, "e1")).as("redelivery into %s", table.table()).isFalse();
            assertThat(deliver(inbox, "e2")).isTrue();

            assertThat(ids(table)).containsExactly("e1", "e2");
        }
        assertThat(jdbc.sql("SELECT topic FROM inbox WHERE ce_id = 'e1'").query(String.class).single()).isEqualTo("bindeled.partner.v1");
        assertThat(jdbc.sql("SELECT received_at FROM inbox WHERE ce_id = 'e1'").query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(NOW);
    }

    @Test
    void theRowIsTheCallersSoARollbackForgetsIt() {
        Inbox inbox = new Inbox(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), InboxTable.STANDARD);

        transaction.executeWithoutResult(status -> {
            assertThat(inbox.firstDelivery("bindeled.partner.v1", event("e1"))).isTrue();
            status.setRollbackOnly();
        });

        assertThat(ids(InboxTable.STANDARD)).isEmpty();
        assertThat(deliver(inbox, "e1")).as("the event whose change rolled back is new again").isTrue();
    }

    @Test
    void outsideATransactionTheInboxRefuses() {
        Inbox inbox = new Inbox(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), InboxTable.STANDARD);

        assertThatThrownBy(() -> inbox.firstDelivery("bindeled.partner.v1", event("e1"))).isInstanceOf(IllegalStateException.class);
        assertThat(ids(InboxTable.STANDARD)).isEmpty();
    }

    @Test
    void entriesOlderThanTheRetentionAreRemovedAndNewerOnesKept() {
        for (InboxTable table : List.of(InboxTable.STANDARD, WITHOUT_TOPIC)) {
            for (int i = 0; i < 7; i++) {
                received(table, "old-" + i, NOW.minus(RETENTION).minus(Duration.ofHours(i + 1)));
            }
            received(table, "just-inside", NOW.minus(RETENTION).plusSeconds(60));
            received(table, "recent", NOW.minus(Duration.ofDays(2)));
            InboxRetention retention = retention(table);

            assertThat(retention.removeExpired()).isEqualTo(7);
            assertThat(ids(table)).containsExactly("just-inside", "recent");
            assertThat(retention.removeExpired()).as("nothing left to remove").isZero();
        }
    }

    @Test
    void aBatchRemovesAtMostTheBatchSizeOldestFirst() {
        for (int i = 0; i < 5; i++) {
            received(InboxTable.STANDARD, "old-" + i, NOW.minus(RETENTION).minus(Duration.ofDays(i + 1)));
        }

        int removed = retention(InboxTable.STANDARD).removeBatch(OffsetDateTime.ofInstant(NOW.minus(RETENTION), ZoneOffset.UTC));

        assertThat(removed).isEqualTo(BATCH);
        assertThat(ids(InboxTable.STANDARD)).as("the newest of the expired are left for the next batch").containsExactly("old-0", "old-1");
    }

    private InboxRetention retention(InboxTable table) {
        return new InboxRetention(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), table,
                new KafkaSupportProperties.InboxSettings(RETENTION, Duration.ofHours(1), BATCH));
    }

    private boolean deliver(Inbox inbox, String id) {
        return Boolean.TRUE.equals(transaction.execute(status -> inbox.firstDelivery("bindeled.partner.v1", event(id))));
    }

    private static ReceivedEvent event(String id) {
        return new ReceivedEvent(id, "dk.bindeled.partner.PartnerRegistered.v1", URI.create("/bindeled/partner-registry"),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), "p1", null);
    }

    private void received(InboxTable table, String id, Instant at) {
        Inbox inbox = new Inbox(jdbc, Clock.fixed(at, ZoneOffset.UTC), table);
        transaction.executeWithoutResult(status -> inbox.firstDelivery("bindeled.partner.v1", event(id)));
    }

    private List<String> ids(InboxTable table) {
        return jdbc.sql("SELECT %1$s FROM %2$s ORDER BY %1$s".formatted(table.idColumn(), table.table())).query(String.class).list();
    }
}
