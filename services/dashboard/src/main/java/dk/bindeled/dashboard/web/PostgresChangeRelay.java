package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CentreScheduleChanged;
import dk.bindeled.dashboard.query.ChangeApplied;
import dk.bindeled.dashboard.query.DashboardQueries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings every committed change to the streams of every instance, whichever instance's consumer applied it,
 * through PostgreSQL's LISTEN/NOTIFY.
 *
 * <p>Sending: inside the projection's transaction, {@code pg_notify} with a small payload (what kind of change,
 * and its ids). PostgreSQL delivers it when, and only if, that transaction commits, in commit order; a
 * rolled-back change is never announced, and an announced one is always there to be read.
 *
 * <p>Receiving: one connection per instance, outside the pool (it is held for good), listens on its own thread
 * ({@code getNotifications} with a timeout, so stopping is prompt) and hands each change to this instance's
 * {@link ChangeStream}; the full change is read from the feed by its id. When the connection drops, it is
 * opened again with growing pauses, and since notifications sent meanwhile are lost, every subscriber then gets
 * the current state once more ({@link ChangeStream#resync()}). An idle connection is checked now and then, so a
 * connection that died silently is noticed too.
 */
public class PostgresChangeRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeRelay.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int POLL_MILLIS = 500;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(15);
    private static final Duration FIRST_RECONNECT_PAUSE = Duration.ofMillis(250);
    private static final Duration MAX_RECONNECT_PAUSE = Duration.ofSeconds(10);
    /** How many changes are read from the feed with one query. */
    private static final int READ_BATCH = 100;

    /** The payload of a notification. {@code kind} is {@code change} (with {@code id}) or {@code schedule}. */
    record Notice(String kind, String id, String centreId, String from, String to) {

        static final String CHANGE = "change";
        static final String SCHEDULE = "schedule";
    }

    /** Where to connect the listening connection; the same database as the pool's. */
    public record Database(String url, String user, String password) {
    }

    private final JdbcClient jdbc;
    private final DashboardQueries queries;
    private final ChangeStream stream;
    private final Database database;
    private final String channel;
    private final AtomicInteger connections = new AtomicInteger();
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public PostgresChangeRelay(JdbcClient jdbc, DashboardQueries queries, ChangeStream stream, Database database, String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Channel name must be a lower-case SQL identifier: " + channel);
        }
        this.jdbc = jdbc;
        this.queries = queries;
        this.stream = stream;
        this.database = database;
        this.channel = channel;
    }

    @EventListener
    public void onChangeApplied(ChangeApplied applied) {
        notify(new Notice(Notice.CHANGE, applied.change().id(), null, null, null));
    }

    @EventListener
    public void onScheduleChanged(CentreScheduleChanged changed) {
        notify(new Notice(Notice.SCHEDULE, null, changed.centreId(),
                changed.from() == null ? null : changed.from().toString(),
                changed.to() == null ? null : changed.to().toString()));
    }

    private void notify(Notice notice) {
        // Outside a transaction the notice would go out at once, for a change that might not commit.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Changes are announced inside the transaction that makes them");
        }
        jdbc.sql("SELECT pg_notify(?, ?)").params(channel, JSON.writeValueAsString(notice)).query((rs, row) -> 1).list();
    }

    /** Whether the listening connection is up and listening. */
    public boolean listening() {
        return listening;
    }

    /** How often the listening connection has been (re)established. */
    public int connections() {
        return connections.get();
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "dashboard-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = listener;
            listener = null;
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration reconnectPause = FIRST_RECONNECT_PAUSE;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                connections.incrementAndGet();
                reconnectPause = FIRST_RECONNECT_PAUSE;
                // Whatever was announced while nobody here listened is lost: show everyone the current state.
                stream.resync();
                receive(connection, notifications);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warn("Listening for changes on channel {} failed; listening again in {} ms: {}", channel,
                            reconnectPause.toMillis(), e.toString());
                    pause(reconnectPause);
                    reconnectPause = min(reconnectPause.multipliedBy(2), MAX_RECONNECT_PAUSE);
                }
            }
        }
        listening = false;
    }

    private void receive(Connection connection, PGConnection notifications) throws SQLException {
        Instant lastHeard = Instant.now();
        while (running) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                dispatch(received);
                lastHeard = Instant.now();
            } else if (Instant.now().isAfter(lastHeard.plus(IDLE_CHECK))) {
                if (!connection.isValid(5)) {
                    throw new SQLException("The listening connection is no longer valid");
                }
                lastHeard = Instant.now();
            }
        }
    }

    private void dispatch(PGNotification[] received) {
        List<String> changeIds = new ArrayList<>();
        for (PGNotification notification : received) {
            if (!channel.equals(notification.getName())) {
                continue;
            }
            Notice notice;
            try {
                notice = JSON.readValue(notification.getParameter(), Notice.class);
            } catch (JacksonException unreadable) {
                LOG.warn("Ignoring an unreadable notification on channel {}: {}", channel, unreadable.getOriginalMessage());
                continue;
            }
            if (Notice.CHANGE.equals(notice.kind()) && notice.id() != null) {
                changeIds.add(notice.id());
                if (changeIds.size() == READ_BATCH) {
                    pushChanges(changeIds);
                    changeIds.clear();
                }
            } else if (Notice.SCHEDULE.equals(notice.kind()) && notice.centreId() != null) {
                pushChanges(changeIds);
                changeIds.clear();
                stream.push(new CentreScheduleChanged(notice.centreId(),
                        notice.from() == null ? null : Instant.parse(notice.from()),
                        notice.to() == null ? null : Instant.parse(notice.to())));
            }
        }
        pushChanges(changeIds);
    }

    /** A change pruned from the feed before it was read is older than what the overview shows: nothing to push. */
    private void pushChanges(List<String> ids) {
        if (!ids.isEmpty()) {
            queries.changes(List.copyOf(ids)).forEach(stream::push);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        // Named, so an operator sees (and a test can find) the one connection each instance holds for good.
        properties.setProperty("ApplicationName", "dashboard-change-listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(database.url(), properties);
    }

    private void pause(Duration duration) {
        synchronized (pause) {
            if (!running) {
                return;
            }
            try {
                pause.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
