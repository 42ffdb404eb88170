package dk.bindeled.events.partner.v1;

import java.util.List;

/** The whole offer as it now stands. */
public record OfferPublished(String partnerId, String offerId, String title, String description, List<TargetGroup> targetGroups,
                             Integer minimumAge, Integer maximumAge, List<String> languages, String cost,
                             List<WeeklySchedule> schedules, OfferLocation location, Capacity capacity,
                             OfferStatus status, ReferralTerms referralTerms) implements PartnerEvent {

    /** Without referral terms (added within v1): the referrals service's defaults apply. */
    public OfferPublished(String partnerId, String offerId, String title, String description, List<TargetGroup> targetGroups,
              Integer minimumAge, Integer maximumAge, List<String> languages, String cost,
              List<WeeklySchedule> schedules, OfferLocation location, Capacity capacity, OfferStatus status) {
        this(partnerId, offerId, title, description, targetGroups, minimumAge, maximumAge, languages, cost, schedules, location, capacity,
                status, null);
    }
}
