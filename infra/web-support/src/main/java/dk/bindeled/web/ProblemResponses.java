package dk.bindeled.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal as RFC 9457 problem+json, the part every Bindeled service answers the same way: bad input
 * is 400 with {@code errors}, one entry per field with the reason (nested fields by path, e.g.
 * {@code schedules[0].byDay}); Spring's own refusals (404, 405, 415, …) keep their status; a lost database
 * connection is a 503 with Retry-After (see {@link ConnectionFailures}); anything unforeseen is a 500 without
 * internals. Types are {@code https://bindeled.dk/problems/<type>}.
 *
 * <p>A service extends this with the handlers of its own domain exceptions, built with {@link #problem} and
 * {@link #validation}, and annotates the subclass {@code @RestControllerAdvice} and
 * {@code @Order(Ordered.HIGHEST_PRECEDENCE)}: ahead of Boot's generic problem-details advice, which would
 * answer the same exceptions without naming fields.
 */
public abstract class ProblemResponses {

    /** Under the concrete handler's name, so the log says which service failed. */
    private final Logger log = LoggerFactory.getLogger(getClass());

    /** One refused field: its path in the request and why it was refused. */
    public record FieldProblem(String field, String reason) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
        });
        return validation(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + List.of(e.getRequiredType().getEnumConstants())
                : "has the wrong format";
        return validation(List.of(new FieldProblem(e.getName(), expected)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return validation(List.of(new FieldProblem(path(jackson), reason(jackson))));
        }
        return validation(List.of(new FieldProblem("body", "is not readable JSON")));
    }

    /** Seconds a client is asked to wait after the database connection was lost: a pool reconnects within them. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    /** Anything unforeseen: a 500 that says so, without internals; the log has the details. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Spring's own refusals (unknown path 404, wrong method 405, media type 415, …) keep their status, and
            // their headers: Allow on a 405, Retry-After on a command that gave up retrying.
            ProblemDetail body = framework.getBody();
            if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
                body.setType(StatusProblems.of(body.getStatus()).getType());
            }
            return ResponseEntity.status(framework.getStatusCode()).headers(framework.getHeaders()).body(body);
        }
        if (ConnectionFailures.isConnectionFailure(e)) {
            // Found in the cause chain, not by type: Axon and Hibernate wrap it in exceptions of their own.
            log.warn("The database connection was lost while handling a request: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "The service lost its connection to its database while handling the request, so it may not have been"
                                    + " completed. Try again shortly."));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; nothing was changed. Try again or contact the operators."));
    }

    /** 400 "validation": the fields sorted by path, each named in {@code detail} and listed in {@code errors}. */
    protected static ProblemDetail validation(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "Invalid: " + String.join(", ", sorted.stream().map(p -> p.field() + " " + p.reason()).toList()));
        problem.setProperties(Map.of("errors", sorted));
        return problem;
    }

    /** A problem of type {@code https://bindeled.dk/problems/<type>}. */
    protected static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://bindeled.dk/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** The name the client sent: {@code per_page} for {@code @RequestParam(name = "per_page") int perPage}. */
    protected static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        String named = param == null ? "" : !param.name().isEmpty() ? param.name() : param.value();
        if (named.isEmpty()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            named = path == null ? "" : !path.name().isEmpty() ? path.name() : path.value();
        }
        if (!named.isEmpty()) {
            return named;
        }
        return parameter.getParameterName();
    }

    /** Where in the body Jackson stopped, as a field path: {@code schedules[0].byDay}. */
    protected static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Why Jackson refused the value, without its internals: the accepted values of an enum, or a wrong type. */
    protected static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("not one of the values accepted")) {
            int start = message.indexOf('[');
            int end = message.lastIndexOf(']');
            return start >= 0 && end > start ? "must be one of " + message.substring(start, end + 1) : "is not an accepted value";
        }
        // Jackson refuses an empty string for an enum without listing the values; the client needs them all the same.
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()) {
            return "must be one of " + List.of(mismatch.getTargetType().getEnumConstants());
        }
        return "has the wrong type or format";
    }
}
