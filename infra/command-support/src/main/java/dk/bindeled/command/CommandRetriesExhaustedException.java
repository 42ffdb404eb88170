package dk.bindeled.command;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A command that kept losing races until its attempts ran out: nothing was stored. An {@link ErrorResponseException},
 * so every service's problem handler answers it with its own status, body and {@code Retry-After}: 409 when others
 * kept changing the same aggregate, 503 when the database kept aborting the transaction.
 */
public class CommandRetriesExhaustedException extends ErrorResponseException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    CommandRetriesExhaustedException(TransientFailure kind, int attempts, Throwable last) {
        super(kind == TransientFailure.CONCURRENCY ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE, problem(kind, attempts), last);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
    }

    private static ProblemDetail problem(TransientFailure kind, int attempts) {
        ProblemDetail problem;
        if (kind == TransientFailure.CONCURRENCY) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "It was changed by others " + attempts
                    + " times while the request was decided; nothing was changed. Read it again and retry.");
            problem.setType(URI.create("https://bindeled.dk/problems/concurrent-change"));
            problem.setTitle("Changed by someone else at the same time");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The database was too busy with"
                    + " conflicting changes to decide the request (" + attempts + " attempts); nothing was changed. Try again shortly.");
            problem.setType(URI.create("https://bindeled.dk/problems/busy"));
            problem.setTitle("Too busy to decide now");
        }
        problem.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
        return problem;
    }
}
