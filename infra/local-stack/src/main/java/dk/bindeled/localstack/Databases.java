package dk.bindeled.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates the services' PostgreSQL databases on a server when they are missing; never drops anything. */
final class Databases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String base;
    private final String query;
    private final String user;
    private final String password;

    /** {@code baseUrl} is the server part, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}, optionally with {@code ?parameters}. */
    Databases(String baseUrl, String user, String password) {
        int q = baseUrl.indexOf('?');
        String server = q < 0 ? baseUrl : baseUrl.substring(0, q);
        // Accept a base that already names a database: keep only the server part.
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        this.base = slash < 0 ? server + "/" : server.substring(0, slash + 1);
        this.query = q < 0 ? "" : baseUrl.substring(q);
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String url(String database) {
        return base + database + query;
    }

    /** Creates {@code name} if it does not exist and returns its JDBC URL. */
    String ensure(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        String admin = url("postgres");
        try (Connection c = DriverManager.getConnection(admin, user, password)) {
            boolean exists;
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
            return url(name);
        } catch (SQLException e) {
            throw new IllegalStateException("BINDELED_DB=postgres, but PostgreSQL at " + admin + " (user " + user + ") cannot be used: "
                    + e.getMessage() + ". Start it (for example: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)"
                    + " or set BINDELED_PG_URL / BINDELED_PG_USER / BINDELED_PG_PASSWORD.", e);
        }
    }
}
