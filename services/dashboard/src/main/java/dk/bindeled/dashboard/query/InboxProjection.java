package dk.bindeled.dashboard.query;

import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.kafka.Inbox;
import dk.bindeled.kafka.InboxTable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the events of one topic to the read model, the same way for every topic: each event in one
 * database transaction together with its inbox row, so a redelivered event (same {@code ce_id}) changes
 * nothing and a failure leaves neither the inbox row nor a half-applied change behind. Every applied event
 * also lands in the shared feed of latest changes and is published as {@link ChangeApplied} for the push.
 *
 * <p>Subclasses say what an event of their topic does to their tables, inside that transaction.
 */
public abstract class InboxProjection {

    /** How many changes the feed keeps; the overview shows at most {@link DashboardQueries#MAX_CHANGES}. */
    static final int CHANGES_KEPT = 500;

    /** Longest identifiers the inbox and the change feed can hold; longer ones are not valid events here. */
    public static final int MAX_ID_LENGTH = 200;

    private static final int MAX_SUMMARY_LENGTH = 600;

    protected final JdbcClient jdbc;
    protected final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Inbox inbox;
    private final Class<? extends IntegrationEvent> eventType;

    protected InboxProjection(Class<? extends IntegrationEvent> eventType, JdbcClient jdbc, PlatformTransactionManager transactions,
                              ApplicationEventPublisher publisher, Clock clock) {
        this.eventType = eventType;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.publisher = publisher;
        this.inbox = new Inbox(jdbc, clock, InboxTable.STANDARD);
    }

    /** Whether the CloudEvent's identifiers fit the inbox; a listener turns a "no" into a dead letter. */
    public static boolean storable(ReceivedEvent received) {
        return received.id().length() <= MAX_ID_LENGTH && received.type().length() <= MAX_ID_LENGTH
                && received.subject().length() <= MAX_ID_LENGTH;
    }

    public ProjectionResult apply(String topic, ReceivedEvent received) {
        if (!storable(received)) {
            throw new IllegalArgumentException("ce_id, ce_type and ce_subject must be at most " + MAX_ID_LENGTH + " characters");
        }
        return transaction.execute(status -> applyInTransaction(topic, received));
    }

    /**
     * Changes the read model for one event and returns the short Danish sentence the feed shows for it.
     * Runs in the transaction that also writes the inbox row.
     *
     * @param at the event's {@code ce_time}, in UTC
     */
    protected abstract String project(IntegrationEvent event, OffsetDateTime at);

    private ProjectionResult applyInTransaction(String topic, ReceivedEvent received) {
        if (!inbox.firstDelivery(topic, received)) {
            return ProjectionResult.duplicate(received.type());
        }
        if (!received.known()) {
            return ProjectionResult.skipped(received.type());
        }
        if (!eventType.isInstance(received.event())) {
            throw new IllegalArgumentException(received.type() + " is not a " + eventType.getSimpleName());
        }
        OffsetDateTime at = received.time().withOffsetSameInstant(ZoneOffset.UTC);
        String summary = truncate(project(received.event(), at));
        Change change = new Change(received.id(), received.type(), received.subject(), summary, at.toInstant());
        jdbc.sql("""
                        INSERT INTO latest_changes (ce_id, ce_type, subject, summary, occurred_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(change.id(), change.type(), change.subject(), change.summary(), at)
                .update();
        pruneChanges();
        publisher.publishEvent(new ChangeApplied(change));
        return ProjectionResult.applied(change);
    }

    /**
     * Keeps the newest {@link #CHANGES_KEPT} changes by event time. Finds the first row past the limit and
     * deletes from there down, which stays an index range scan on both databases (a NOT IN over a LIMIT
     * subquery does not on H2).
     */
    private void pruneChanges() {
        jdbc.sql("SELECT occurred_at, seq FROM latest_changes ORDER BY occurred_at DESC, seq DESC LIMIT 1 OFFSET ?")
                .param(CHANGES_KEPT)
                .query((rs, row) -> new FeedPosition(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)))
                .optional()
                .ifPresent(oldestToDrop -> jdbc.sql("DELETE FROM latest_changes WHERE occurred_at < ? OR (occurred_at = ? AND seq <= ?)")
                        .params(oldestToDrop.occurredAt(), oldestToDrop.occurredAt(), oldestToDrop.seq())
                        .update());
    }

    private record FeedPosition(OffsetDateTime occurredAt, long seq) {
    }

    /** The partner's name; a partner whose registration was never seen is shown by id rather than failing. */
    protected String partnerName(String partnerId) {
        return jdbc.sql("SELECT name FROM partners WHERE partner_id = ?")
                .param(partnerId)
                .query(String.class)
                .optional()
                .orElse("aktør " + partnerId);
    }

    private static String truncate(String summary) {
        return summary.length() <= MAX_SUMMARY_LENGTH ? summary : summary.substring(0, MAX_SUMMARY_LENGTH - 1) + "…";
    }
}
