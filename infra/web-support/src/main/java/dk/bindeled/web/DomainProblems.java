package dk.bindeled.web;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.NotFoundException;
import dk.bindeled.domain.RuleViolationException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of domain-support as problem+json: bad input 400 with {@code errors} naming the field, a broken rule 409
 * naming the {@code rule} (with what the refusal adds), not found 404. A refused command has stored nothing.
 * <p>
 * It answers these three only, first of all advice: a service's own {@code ProblemHandler} extends
 * {@link ProblemResponses}, which answers every exception (the unforeseen as 500), so it must come after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainProblems {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidValue(InvalidInputException e) {
        return ProblemResponses.validation(List.of(new ProblemResponses.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "rule-violation", "The request breaks a rule", e.getMessage());
        problem.setProperty("rule", e.rule());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }
}
