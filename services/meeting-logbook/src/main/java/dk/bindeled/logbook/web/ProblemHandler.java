package dk.bindeled.logbook.web;

import dk.bindeled.web.ProblemResponses;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The logbook's own refusal: a change that lost to another at the same moment. Bad input, broken rules and unknown ids
 * (domain-support's refusals) are web-support's {@code DomainProblems}; framework refusals and the unforeseen its
 * {@link ProblemResponses}.
 */
@RestControllerAdvice
// After DomainProblems (this one answers every exception, through ProblemResponses), ahead of Boot's generic advice.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemHandler extends ProblemResponses {

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else at the same time",
                "The meeting or collaboration was changed concurrently; read it again and retry.");
    }
}
