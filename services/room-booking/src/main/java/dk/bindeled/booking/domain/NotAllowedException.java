package dk.bindeled.booking.domain;

/** The partner may not book this resource (not a member, not listed, deactivated): answered 403. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String reason) {
        super(reason);
    }
}
