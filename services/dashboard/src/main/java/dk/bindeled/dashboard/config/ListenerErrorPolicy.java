package dk.bindeled.dashboard.config;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the consumer treats a record it failed to apply.
 *
 * <ul>
 *   <li>Unreadable (not a valid CloudEvent of the contract): dead-lettered at once; retrying cannot help.</li>
 *   <li>Database unavailable: retried with exponential backoff for as long as it takes. A valid event must
 *       never be dead-lettered just because the database was down, and skipping it would break the per-partner order.</li>
 *   <li>Anything else (a bug, a constraint the data breaks): a few retries, then dead-lettered with the reason
 *       so one poison record cannot stop the dashboard; it can be replayed from the dead-letter topic once fixed.</li>
 * </ul>
 */
public final class ListenerErrorPolicy {

    static final long INITIAL_INTERVAL_MS = 1_000;
    static final long MAX_INTERVAL_MS = 30_000;
    static final int OTHER_FAILURE_ATTEMPTS = 4;

    private ListenerErrorPolicy() {
    }

    public static DefaultErrorHandler errorHandler(ConsumerAwareRecordRecoverer recoverer) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOffFor(new IllegalStateException("default")));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        // The failure is logged once more with its reason on the way to the dead-letter topic; no stack trace per attempt.
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    /** A fresh backoff for a failure (each failed record gets its own). */
    public static BackOff backOffFor(Throwable failure) {
        ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL_MS, 2.0);
        backOff.setMaxInterval(MAX_INTERVAL_MS);
        if (!databaseUnavailable(failure)) {
            backOff.setMaxAttempts(OTHER_FAILURE_ATTEMPTS);
        }
        return backOff;
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
