package dk.bindeled.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commands that a database transaction decides on but must not send inside itself: a Kafka listener
 * commits its replica and inbox change first, and only then tells the aggregates. Sending inside the
 * transaction would tie the aggregates' streams to a transaction that can still roll back after the
 * commands' own units of work have ended.
 * <p>
 * {@link #defer} writes the command into {@code deferred_command} in the caller's transaction, so the
 * decision and the intent to act on it commit together or not at all; once it has committed the command is
 * sent on this instance's sender thread (outside any transaction: Spring keeps the committed transaction's
 * resources bound while its after-commit callbacks run) through the {@link RetryingCommandSender}, and its row
 * deleted once it was handled. A row left
 * behind (a crash between the commit and the send, or a command that failed) is sent again by a sweeper,
 * on whichever instance finds it first, until it succeeds: nothing decided is ever lost. So a deferred
 * command may be handled more than once and must be idempotent.
 */
public class DeferredCommands implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredCommands.class);
    private final JdbcClient jdbc;
    private final RetryingCommandSender commands;
    private final Serializer serializer;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration sweepInterval;
    /** A fresh row belongs to the transaction that wrote it until this has passed; then a sweeper may take it. */
    private final Duration grace;
    /** One thread sends both fresh and swept commands, so an instance never sends one row twice at once. */
    private final ScheduledExecutorService sender;
    private java.util.concurrent.ScheduledFuture<?> sweeping;

    public DeferredCommands(JdbcClient jdbc, RetryingCommandSender commands, Serializer serializer, MeterRegistry meters, Clock clock,
                            Duration sweepInterval, Duration grace) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.serializer = serializer;
        this.meters = meters;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.grace = grace;
        this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deferred-commands");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Records the command in the current transaction; it is sent once that transaction has committed. */
    public void defer(Object command, String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A deferred command belongs to a transaction, and there is none");
        }
        SerializedObject<byte[]> payload = serializer.serialize(command, byte[].class);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO deferred_command (id, command_type, payload, actor, created_at, next_attempt_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(id, payload.getType().getName(), new String(payload.getData(), StandardCharsets.UTF_8), actor,
                        Timestamp.from(now), Timestamp.from(now.plus(grace)))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    sender.execute(() -> dispatch(id));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    LOG.info("Deferred command {} is sent by the sweeper: this instance is stopping", id);
                }
            }
        });
    }

    /** Sends every deferred command that is due (left by a crash, or waiting for its next attempt). */
    public int sweep() {
        List<String> due = jdbc.sql("SELECT id FROM deferred_command WHERE next_attempt_at <= ? ORDER BY created_at")
                .param(Timestamp.from(clock.instant())).query(String.class).list();
        int handled = 0;
        for (String id : due) {
            if (dispatch(id)) {
                handled++;
            }
        }
        return handled;
    }

    /** How many deferred commands wait to be sent. */
    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM deferred_command").query(Long.class).single();
    }

    private record Row(String id, String type, String payload, String actor, int attempts) {
    }

    private boolean dispatch(String id) {
        try {
            return tryDispatch(id);
        } catch (RuntimeException e) {
            // The table itself could not be read or written (database down): the sweeper tries again.
            LOG.warn("Deferred command {} could not be handled now; the sweeper tries again", id, e);
            return false;
        }
    }

    private boolean tryDispatch(String id) {
        Optional<Row> found = jdbc.sql("SELECT id, command_type, payload, actor, attempts FROM deferred_command WHERE id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional();
        if (found.isEmpty()) {
            return false; // handled already, here or on another instance
        }
        Row row = found.get();
        try {
            Object command = serializer.deserialize(new SimpleSerializedObject<>(row.payload().getBytes(StandardCharsets.UTF_8),
                    byte[].class, new SimpleSerializedType(row.type(), null)));
            commands.send(command, row.actor() == null ? "system" : row.actor());
            jdbc.sql("DELETE FROM deferred_command WHERE id = ?").param(id).update();
            meters.counter("bindeled.deferred.commands", "outcome", "sent", "command", simpleName(row.type())).increment();
            return true;
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1;
            Duration wait = backoff(attempts);
            String error = String.valueOf(e.getMessage());
            jdbc.sql("UPDATE deferred_command SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(attempts, error.length() > 1000 ? error.substring(0, 1000) : error,
                            Timestamp.from(clock.instant().plus(wait)), id)
                    .update();
            meters.counter("bindeled.deferred.commands", "outcome", "failed", "command", simpleName(row.type())).increment();
            LOG.warn("Deferred command {} ({}) failed on attempt {}; it is sent again in {}", id, simpleName(row.type()), attempts, wait, e);
            return false;
        }
    }

    private Duration backoff(int attempts) {
        long seconds = Math.min(300, (long) Math.pow(2, Math.min(attempts, 9)));
        return Duration.ofSeconds(Math.max(seconds, sweepInterval.toSeconds()));
    }

    private static String simpleName(String type) {
        int cut = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
        return cut < 0 ? type : type.substring(cut + 1);
    }

    @Override
    public synchronized void start() {
        sweeping = sender.scheduleWithFixedDelay(this::sweepSafely, sweepInterval.toMillis(), sweepInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Sweeping deferred commands failed; trying again in {}", sweepInterval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
        }
        // What has not been sent yet stays in the table for the next sweep, here or on another instance.
        sender.shutdown();
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeping != null;
    }

    /** After Axon has started (its command bus must be there), before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
