package dk.bindeled.booking.domain;

/** An id that names nothing (centre, resource, booking, series, waitlist entry): answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String reason) {
        super(reason);
    }
}
