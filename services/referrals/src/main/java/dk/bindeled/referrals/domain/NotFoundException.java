package dk.bindeled.referrals.domain;

/** A referral or resident that does not exist, or that the caller may not know of: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String reason) {
        super(reason);
    }
}
