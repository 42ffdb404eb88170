package dk.bindeled.domain;

/** Answered 404: what was asked for does not exist, or not for the caller (someone else's is invisible, not forbidden). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
