package dk.bindeled.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller is signed in but lacks the right this request needs: 403 problem+json of type
 * {@code missing-right}, its extension member {@code right} naming the right (e.g. {@code partner-admin-of-partner}).
 * Thrown by a service's permissions class. An {@link org.springframework.web.ErrorResponse}, so every service's
 * problem handler answers it with its status and body as they are.
 */
public class MissingRightException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://bindeled.dk/problems/missing-right");

    private final String right;

    public MissingRightException(String right, String detail) {
        super(HttpStatus.FORBIDDEN, body(right, detail), null);
        this.right = right;
    }

    public String right() {
        return right;
    }

    static ProblemDetail body(String right, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Missing right");
        problem.setProperty("right", right);
        return problem;
    }

    @Override
    public String getMessage() {
        return "Missing right " + right + ": " + getBody().getDetail();
    }
}
