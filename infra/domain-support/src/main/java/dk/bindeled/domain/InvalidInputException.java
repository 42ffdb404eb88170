package dk.bindeled.domain;

/** A value that breaks a rule of its own, regardless of state: answered 400, naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
