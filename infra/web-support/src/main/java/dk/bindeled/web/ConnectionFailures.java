package dk.bindeled.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database connection going away (a failover, a restarted server, an operator's
 * {@code pg_terminate_backend}, a pool that cannot connect), however Axon, Hibernate or Spring wrapped it. Such a
 * failure says nothing about the request, so it is answered 503 with Retry-After rather than 500. Axon, for one,
 * reports a connection that died while it appended events as an {@code EventStoreException} saying the event "was
 * already inserted": only the cause chain tells.
 */
public final class ConnectionFailures {

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server ended or refuses the connection. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private ConnectionFailures() {
    }

    public static boolean isConnectionFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 08 (connection exception) or the server going away. */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
    }
}
