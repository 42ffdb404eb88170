package dk.bindeled.booking.domain;

/** A command that conflicts with the current state of the schedule or centre: answered 409. */
public class RuleViolationException extends RuntimeException {

    private final String code;

    public RuleViolationException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** A short, stable name of the broken rule, e.g. {@code quota-exceeded} or {@code not-pending}. */
    public String code() {
        return code;
    }
}
