package dk.bindeled.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shares each streaming processor's segments fairly between the nodes that run the service. Axon's pooled
 * processor claims every segment nobody holds, so the node that starts first takes them all and a second node
 * idles; without Axon Server nothing moves them. Each node records itself in {@code processor_node} every
 * interval, counts the nodes seen lately, and releases the segments it holds beyond its share, for a few
 * intervals, so a node with fewer claims picks them up. A node that stops deletes its row (and Axon releases
 * its claims), so the others' share grows at once and they claim the rest; one that dies drops out after three
 * intervals and its claims after the token store's claim timeout.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcClient jdbc;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Supplier<Collection<StreamingEventProcessor>> processors;
    private final String nodeId;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(JdbcClient jdbc, TokenStore tokenStore, TransactionManager transactionManager,
                           Supplier<Collection<StreamingEventProcessor>> processors, String nodeId, Duration interval, Clock clock) {
        this.jdbc = jdbc;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.processors = processors;
        this.nodeId = nodeId;
        this.interval = interval;
        this.clock = clock;
    }

    public String nodeId() {
        return nodeId;
    }

    /** One round: say this node is here, then give back what it holds beyond its share. */
    void balance() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        heartbeat(now);
        long nodes = Math.max(1, jdbc.sql("SELECT COUNT(*) FROM processor_node WHERE seen_at > ?")
                .param(now.minus(interval.multipliedBy(3))).query(Long.class).single());
        for (StreamingEventProcessor processor : processors.get()) {
            if (!processor.isRunning() || processor.maxCapacity() <= 1) {
                continue;
            }
            int segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(processor.getName())).length;
            int share = (int) Math.ceil(segments / (double) nodes);
            List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
            held.sort(null);
            for (int i = share; i < held.size(); i++) {
                processor.releaseSegment(held.get(i), interval.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void heartbeat(OffsetDateTime now) {
        if (jdbc.sql("UPDATE processor_node SET seen_at = ? WHERE node_id = ?").params(now, nodeId).update() == 0) {
            try {
                jdbc.sql("INSERT INTO processor_node (node_id, seen_at) VALUES (?, ?)").params(nodeId, now).update();
            } catch (DuplicateKeyException raced) {
                // Another round of this node inserted it first: it is there.
            }
        }
        // Rows of nodes gone for long are only clutter: they no longer count either way.
        jdbc.sql("DELETE FROM processor_node WHERE seen_at < ?").param(now.minus(interval.multipliedBy(100))).update();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Balancing the processors' segments failed; next round in {}", interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        try {
            jdbc.sql("DELETE FROM processor_node WHERE node_id = ?").param(nodeId).update();
        } catch (RuntimeException e) {
            log.warn("Could not sign node {} off; the others count it for three more intervals", nodeId, e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops before the processors (which Axon stops late) and starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
