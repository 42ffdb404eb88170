package dk.bindeled.kafka;

import dk.bindeled.events.cloudevents.ReceivedEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent consumer's memory: a CloudEvent id recorded in the same database transaction as the change the
 * event makes, so a redelivered event (same {@code ce_id}) changes nothing and a failure leaves neither the inbox row
 * nor a half-applied change behind.
 */
public final class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InboxTable table;
    private final String insert;

    public Inbox(JdbcClient jdbc, Clock clock, InboxTable table) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        // ON CONFLICT DO NOTHING (not check-then-insert) so two concurrent deliveries cannot both pass.
        this.insert = table.topicColumn() == null
                ? "INSERT INTO %s (%s, %s, %s) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                        .formatted(table.table(), table.idColumn(), table.typeColumn(), table.receivedAtColumn())
                : "INSERT INTO %s (%s, %s, %s, %s) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
                        .formatted(table.table(), table.idColumn(), table.typeColumn(), table.receivedAtColumn(), table.topicColumn());
    }

    public InboxTable table() {
        return table;
    }

    /**
     * Records the event as processed, in the caller's transaction; {@code false} when it was processed before, and then
     * the caller must change nothing.
     */
    public boolean firstDelivery(String topic, ReceivedEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The inbox row belongs to the transaction of the event's change, and there is none");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        JdbcClient.StatementSpec statement = jdbc.sql(insert).params(event.id(), event.type(), now);
        if (table.topicColumn() != null) {
            statement = statement.param(topic);
        }
        return statement.update() == 1;
    }
}
