package dk.bindeled.partner.domain;

/** A part of a partner (an offer, contact person, resource or membership) that does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String reason) {
        super(reason);
    }
}
