package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingConflictException;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotAllowedException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.RuleViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as RFC 9457 problem+json. Bad input is 400 with {@code errors}: one entry per field
 * with the reason; a broken rule is 409; an unknown id is 404. A refused command has stored nothing.
 */
@RestControllerAdvice
// Ahead of Boot's generic problem-details advice, which would answer the same exceptions without naming fields.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    public record FieldProblem(String field, String reason) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
        });
        return validation(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + List.of(e.getRequiredType().getEnumConstants())
                : "has the wrong format";
        return validation(List.of(new FieldProblem(e.getName(), expected)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return validation(List.of(new FieldProblem(path(jackson), reason(jackson))));
        }
        return validation(List.of(new FieldProblem("body", "is not readable JSON")));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidValue(InvalidInputException e) {
        return validation(e.problems().stream().map(p -> new FieldProblem(p.field(), p.reason())).toList());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), "The request breaks a rule", e.getMessage());
        problem.setProperty("rule", e.code());
        return problem;
    }

    /** 409 listing every clash: the date, the booking in the way and its time, so the user can choose another. */
    @ExceptionHandler(BookingConflictException.class)
    ProblemDetail conflict(BookingConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "booking-conflict", "The resource is already booked", e.getMessage());
        problem.setProperty("clashes", e.clashes().stream().map(c -> Map.of(
                "date", c.date().toString(),
                "requestedStart", c.requestedStart().toString(),
                "requestedEnd", c.requestedEnd().toString(),
                "bookingId", c.bookingId(),
                "bookedStart", c.bookedStart().toString(),
                "bookedEnd", c.bookedEnd().toString(),
                "status", c.status())).toList());
        problem.setProperty("clashingDates", e.clashes().stream().map(c -> c.date().toString()).distinct().toList());
        return problem;
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "not-allowed", "The partner may not book this resource", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else at the same time",
                "The schedule kept changing while the request was decided; read it again and retry.");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    /** Anything unforeseen: a 500 that says so, without internals; the log has the details. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Spring's own refusals (unknown path 404, wrong method 405, media type 415, …) keep their status.
            return framework.getBody();
        }
        LOG.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; nothing was changed. Try again or contact the operators.");
    }

    private static ProblemDetail validation(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "Invalid: " + String.join(", ", sorted.stream().map(p -> p.field() + " " + p.reason()).toList()));
        problem.setProperties(Map.of("errors", sorted));
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://bindeled.dk/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    private static String path(JacksonException e) {
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

    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("not one of the values accepted")) {
            int start = message.indexOf('[');
            int end = message.lastIndexOf(']');
            return start >= 0 && end > start ? "must be one of " + message.substring(start, end + 1) : "is not an accepted value";
        }
        return "has the wrong type or format";
    }
}
