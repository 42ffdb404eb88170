package dk.bindeled.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem for a bare status code, when all that is known of a refusal is its status: what the servlet
 * container refused before any controller ran, or what reached Spring's {@code /error}. The detail is a fixed
 * sentence per status, never a message from the container or an exception, so nothing internal leaks.
 */
public final class StatusProblems {

    private StatusProblems() {
    }

    public static ProblemDetail of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://bindeled.dk/problems/" + type(status)));
        problem.setTitle(known != null ? known.getReasonPhrase() : "HTTP " + status);
        problem.setDetail(detail(status));
        return problem;
    }

    static String type(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "content-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal";
            case 501 -> "not-implemented";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (for example an encoded slash or a control character in its path,"
                    + " or headers too large) and was not processed; nothing was changed.";
            case 401 -> "The request needs to be signed in.";
            case 403 -> "The request is not allowed.";
            case 404 -> "Nothing is found at this address.";
            case 405 -> "This method is not allowed at this address.";
            case 406 -> "No answer in an accepted media type can be given.";
            case 408 -> "The request took too long to arrive and was not processed.";
            case 413 -> "The request body is too large and was not processed.";
            case 414 -> "The address is too long and was not processed.";
            case 415 -> "The request body's media type is not supported.";
            case 431 -> "The request headers are too large and were not processed.";
            case 503 -> "The service is unavailable for the moment; nothing was changed. Try again shortly.";
            default -> status >= 500
                    ? "The request could not be completed; nothing was changed. Try again or contact the operators."
                    : "The request was refused (HTTP " + status + ") and was not processed.";
        };
    }
}
