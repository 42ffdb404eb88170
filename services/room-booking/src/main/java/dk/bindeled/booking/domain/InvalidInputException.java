package dk.bindeled.booking.domain;

import java.util.List;

/**
 * Values that break a rule of their own or of the resource (end before start, in the past, longer than
 * allowed, more attendees than seats): answered 400, naming every field at fault.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String reason) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(String.join("; ", problems.stream().map(p -> p.field() + " " + p.reason()).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first field at fault; most refusals name only one. */
    public String field() {
        return problems.get(0).field();
    }
}
