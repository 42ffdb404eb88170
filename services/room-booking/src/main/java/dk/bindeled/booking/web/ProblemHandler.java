package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingConflictException;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotAllowedException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.RuleViolationException;
import dk.bindeled.web.ProblemResponses;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as RFC 9457 problem+json. Bad input is 400 with {@code errors}: one entry per field
 * with the reason; a broken rule is 409; an unknown id is 404. A refused command has stored nothing.
 * The answers to bad input, framework refusals and the unforeseen are shared: see {@link ProblemResponses}.
 */
@RestControllerAdvice
// Ahead of Boot's generic problem-details advice, which would answer the same exceptions without naming fields.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ProblemResponses {

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
}
