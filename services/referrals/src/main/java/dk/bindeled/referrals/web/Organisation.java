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

    /** The referral's sides, when the caller's organisation is one of them; 404 otherwise, as for a read. */
    static dk.bindeled.referrals.query.ReferralQueries.Sides sides(dk.bindeled.referrals.query.ReferralQueries queries, String referralId) {
        required();
        return queries.sides(reader(), referralId).orElseThrow(() -> new dk.bindeled.referrals.domain.NotFoundException("No referral " + referralId));
    }

    /** The organisation that acts in a referral: the caller's, on the side it is on. */
    static String acting(dk.bindeled.referrals.query.ReferralQueries.Sides sides) {
        return sides.side() == dk.bindeled.referrals.domain.ReferralLifecycle.Side.REFERRER ? sides.referrer() : sides.recipient();
    }

    static Reader reader() {
        Caller caller = Callers.current();
        return new Reader(caller.subject(), caller.org().map(UUID::toString).orElse(null));
    }
}
