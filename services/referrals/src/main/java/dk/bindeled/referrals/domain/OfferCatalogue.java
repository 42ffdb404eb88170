package dk.bindeled.referrals.domain;

import dk.bindeled.events.partner.v1.ReferralTerms;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.util.List;
import java.util.Optional;

/** The offers a referral may go to, as the replica of the partner registry knows them. */
public interface OfferCatalogue {

    /**
     * @param available free places; null where the offer states no capacity
     * @param live      active, and its partner not deactivated
     * @param terms     the deadlines its partner commits to; null for the defaults
     */
    record Offer(String offerId, String partnerId, String partnerName, String title, boolean live, Integer available,
                 List<TargetGroup> targetGroups, ReferralTerms terms) {

        public Offer(String offerId, String partnerId, String partnerName, String title, boolean live, Integer available,
                     List<TargetGroup> targetGroups) {
            this(offerId, partnerId, partnerName, title, live, available, targetGroups, null);
        }
    }

    Optional<Offer> offer(String offerId);

    /** Every live offer, by partner and title, as a referral form lists them. */
    List<java.util.Map<String, Object>> live();

    /** Live offers with free places (or no stated capacity) for the target group, other than this one; at most a few. */
    List<Offer> alternatives(TargetGroup targetGroup, String excludingOfferId);
}
