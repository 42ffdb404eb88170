package dk.bindeled.partner.domain;

/** A command that conflicts with the current state of the partner (or of the registry): answered 409. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String reason) {
        super(reason);
    }
}
