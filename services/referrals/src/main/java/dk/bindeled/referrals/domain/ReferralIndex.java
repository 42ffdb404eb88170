package dk.bindeled.referrals.domain;

import dk.bindeled.events.partner.v1.TargetGroup;
import java.util.Optional;

/** The open referrals of a resident, read in the command's transaction (the views are written in it too). */
public interface ReferralIndex {

    /** An open referral of the resident to this offer, if there is one. */
    Optional<String> openReferral(String residentId, String offerId);

    /** Whether the resident has an open referral for the target group to another recipient (says nothing of whose). */
    boolean openElsewhere(String residentId, TargetGroup targetGroup, String recipient);
}
