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

    /** Refuses the request when any field is at fault, naming every one. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Refuses the request when a required field is missing. */
    public static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first field at fault; most refusals name only one. */
    public String field() {
        return problems.get(0).field();
    }
}
