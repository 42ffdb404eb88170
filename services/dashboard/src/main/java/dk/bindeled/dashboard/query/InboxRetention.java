package dk.bindeled.dashboard.query;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbox from growing forever: {@code ce_id}s received longer ago than the retention are deleted, in
 * batches of bounded size, each its own short transaction, so the clean-up never holds many locks or a long
 * transaction against the consumers writing the inbox.
 *
 * <p>The retention ({@code bindeled.dashboard.inbox.retention}, 30 days) must be longer than Kafka keeps the
 * records of the topics ({@code retention.ms}, 7 days by default): an event can be delivered again for as long as
 * its record is on the topic (a consumer that crashed before committing its offset, a group reset to earliest),
 * and only its inbox row makes that redelivery a duplicate instead of a second application. Topics kept longer
 * (or forever) need a longer retention here. Several instances may run it at once: deleting is idempotent.
 */
@Component
public class InboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public InboxRetention(JdbcClient jdbc, Clock clock,
                          @Value("${bindeled.dashboard.inbox.retention:30d}") Duration retention,
                          @Value("${bindeled.dashboard.inbox.cleanup-batch-size:1000}") int batchSize) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("bindeled.dashboard.inbox.retention must be positive: " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("bindeled.dashboard.inbox.cleanup-batch-size must be at least 1: " + batchSize);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    /** Deletes every expired inbox row, batch after batch; returns how many. */
    @Scheduled(initialDelayString = "${bindeled.dashboard.inbox.cleanup-interval:1h}",
            fixedDelayString = "${bindeled.dashboard.inbox.cleanup-interval:1h}")
    public int removeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = removeBatch(cutoff);
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            LOG.info("Removed {} inbox entries received before {}", total, cutoff);
        }
        return total;
    }

    /** One batch: at most the batch size of the rows received before the cutoff, oldest first. */
    int removeBatch(OffsetDateTime cutoff) {
        return jdbc.sql("""
                        DELETE FROM inbox WHERE ce_id IN (
                            SELECT ce_id FROM inbox WHERE received_at < ? ORDER BY received_at LIMIT ?)""")
                .params(cutoff, batchSize)
                .update();
    }
}
