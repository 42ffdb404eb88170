package dk.bindeled.referrals.web;

import dk.bindeled.referrals.query.ReferralQueries.Reader;
import dk.bindeled.security.Caller;
import dk.bindeled.security.Callers;
import dk.bindeled.security.MissingRightException;
import java.util.UUID;

/** The caller's organisation, which is the data controller of what it types and the side it takes in a referral. */
final class Organisation {

    private Organisation() {
    }

    /** 403 for a caller without one: referrals are between organisations. */
    static String required() {
        return Callers.current().org().map(UUID::toString).orElseThrow(() -> new MissingRightException("organisation",
                "Referrals are made and received by an organisation; the token names none (claim org)."));
    }

    static Reader reader() {
        Caller caller = Callers.current();
        return new Reader(caller.subject(), caller.org().map(UUID::toString).orElse(null));
    }
}
