package dk.bindeled.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a uniquely named PostgreSQL database per call on a server (the machine's or a container),
 * so no test depends on what an earlier run left. Databases are dropped when the JVM exits; ones left by
 * a killed run are dropped by the next run once they are older than {@link #STALE_AFTER_SECONDS}.
 *
 * <p>The drop runs in a shutdown hook, and so do the closing of Spring's cached test contexts, in no set order. A
 * database dropped under a context still closing made its event processors and schedulers retry against a database
 * that no longer exists, and the fork outlived Surefire's 30 s exit allowance. So the drop first waits, up to
 * {@link #CLOSE_WAIT}, for the databases' last connections to close, and only then forces what is left.
 */
final class TestDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static final String PREFIX = "bindeled_it_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_.*");
    private static final long STALE_AFTER_SECONDS = 6 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(20);

    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    TestDatabases(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        dropStale();
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "test-databases-drop"));
    }

    String adminUrl() {
        return adminUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    synchronized String create(String purpose) {
        String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + clean + "_" + Integer.toHexString(RANDOM.nextInt());
        execute("CREATE DATABASE " + name);
        created.add(name);
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    static boolean reachable(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void dropStale() {
        long now = Instant.now().getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches() && now - Long.parseLong(m.group(1)) > STALE_AFTER_SECONDS) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on " + adminUrl, e);
        }
        stale.forEach(this::dropQuietly);
    }

    synchronized void dropCreated() {
        awaitNoConnections(created, CLOSE_WAIT);
        created.forEach(this::dropQuietly);
        created.clear();
    }

    /** Waits until nobody but this check is connected to any of {@code names}, or until {@code timeout}. */
    void awaitNoConnections(List<String> names, java.time.Duration timeout) {
        if (names.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             java.sql.PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?) AND pid <> pg_backend_pid()")) {
            count.setArray(1, c.createArrayOf("text", names.toArray()));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            LOG.warn("Test databases still in use after {}; dropping them anyway", timeout);
        } catch (SQLException e) {
            LOG.warn("Could not see who uses the test databases: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dropQuietly(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
            LOG.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + adminUrl + ": " + e.getMessage(), e);
        }
    }
}
