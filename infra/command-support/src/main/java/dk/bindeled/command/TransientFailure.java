package dk.bindeled.command;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The failures that say nothing about the command, only that another writer got in the way, so the same command
 * sent again can succeed: a lost race for an aggregate's next sequence number (Axon's {@link ConcurrencyException}),
 * or a transaction the database aborted to break a deadlock or keep transactions serialisable (Spring's
 * {@link PessimisticLockingFailureException} family, or SQLState 40P01 / 40001 anywhere in the cause chain,
 * however Axon, JPA or JDBC wrapped it).
 */
enum TransientFailure {

    /** Another writer appended to the aggregate first. */
    CONCURRENCY("concurrency"),
    /** The database aborted the transaction: deadlock, serialisation failure, lock not acquired. */
    DATABASE_LOCK("database-lock");

    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    final String tag;

    TransientFailure(String tag) {
        this.tag = tag;
    }

    /** The kind of transient failure, or null when the failure is the command's own answer. */
    static TransientFailure of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        TransientFailure found = null;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                // The id exists already: sending the creation again cannot succeed.
                return null;
            }
            if (t instanceof PessimisticLockingFailureException || isLockState(t)) {
                return DATABASE_LOCK;
            }
            if (found == null && t instanceof ConcurrencyException) {
                found = CONCURRENCY;
            }
        }
        return found;
    }

    /** A batch reports the statement that failed as the next exception, not as the cause: look there too. */
    private static boolean isLockState(Throwable t) {
        int depth = 0;
        for (SQLException e = t instanceof SQLException sql ? sql : null; e != null && depth < 16; e = e.getNextException(), depth++) {
            if (DEADLOCK_DETECTED.equals(e.getSQLState()) || SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
