package dk.bindeled.referrals.web;

import dk.bindeled.referrals.domain.InvalidInputException;
import dk.bindeled.referrals.domain.NotFoundException;
import dk.bindeled.referrals.domain.RuleViolationException;
import dk.bindeled.web.ProblemResponses;
import java.util.List;
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
        return validation(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "The request breaks a rule", e.getMessage());
        problem.setProperty("rule", e.rule());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else at the same time",
                "The referral was changed concurrently; read it again and retry.");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }
}
