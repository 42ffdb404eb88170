package dk.bindeled.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the inbox from growing forever: ids received longer ago than the retention are deleted, in batches of
 * bounded size, each its own short transaction, so the clean-up never holds many locks or a long transaction
 * against the consumers writing the inbox.
 *
 * <p>The retention ({@code bindeled.kafka.inbox.retention}, 30 days) must be longer than Kafka keeps the records of
 * the topics ({@code retention.ms}, 7 days by default): an event can be delivered again for as long as its record is
 * on the topic (a consumer that crashed before committing its offset, a group reset to earliest), and only its inbox
 * row makes that redelivery a duplicate instead of a second application. Topics kept longer (or forever) need a
 * longer retention here. Several instances may run it at once: deleting is idempotent.
 *
 * <p>It runs on a thread of its own every {@code cleanup-interval} while the application runs, so a service needs no
 * scheduling of its own for it.
 */
public class InboxRetention implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InboxTable table;
    private final Duration retention;
    private final int batchSize;
    private final Duration interval;
    private final String deleteBatch;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> cleaning;

    public InboxRetention(JdbcClient jdbc, Clock clock, InboxTable table, KafkaSupportProperties.InboxSettings settings) {
        if (settings.retention().isNegative() || settings.retention().isZero()) {
            throw new IllegalArgumentException("bindeled.kafka.inbox.retention must be positive: " + settings.retention());
        }
        if (settings.cleanupBatchSize() < 1) {
            throw new IllegalArgumentException("bindeled.kafka.inbox.cleanup-batch-size must be at least 1: " + settings.cleanupBatchSize());
        }
        if (settings.cleanupInterval().isNegative() || settings.cleanupInterval().isZero()) {
            throw new IllegalArgumentException("bindeled.kafka.inbox.cleanup-interval must be positive: " + settings.cleanupInterval());
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.retention = settings.retention();
        this.batchSize = settings.cleanupBatchSize();
        this.interval = settings.cleanupInterval();
        this.deleteBatch = "DELETE FROM %1$s WHERE %2$s IN (SELECT %2$s FROM %1$s WHERE %3$s < ? ORDER BY %3$s LIMIT ?)"
                .formatted(table.table(), table.idColumn(), table.receivedAtColumn());
    }

    /** Deletes every expired inbox row, batch after batch; returns how many. */
    public int removeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = removeBatch(cutoff);
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            LOG.info("Removed {} entries of {} received before {}", total, table.table(), cutoff);
        }
        return total;
    }

    /** One batch: at most the batch size of the rows received before the cutoff, oldest first. */
    int removeBatch(OffsetDateTime cutoff) {
        return jdbc.sql(deleteBatch).params(cutoff, batchSize).update();
    }

    private void removeExpiredLogged() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            // The database may be away for a while; the next round tries again, and a thrown exception would end the schedule.
            LOG.warn("Inbox clean-up of {} failed; tried again in {}", table.table(), interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-retention");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        cleaning = scheduler.scheduleWithFixedDelay(this::removeExpiredLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        cleaning.cancel(false);
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
