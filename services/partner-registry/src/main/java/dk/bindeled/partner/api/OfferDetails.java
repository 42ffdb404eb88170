package dk.bindeled.partner.api;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.events.partner.v1.ReferralTerms;
import java.util.List;

/** Everything an offer (tilbud) says: who it is for, when, where and how many it can take. */
public record OfferDetails(String title, String description, List<TargetGroup> targetGroups, Integer minimumAge,
                           Integer maximumAge, List<String> languages, String cost, List<WeeklySchedule> schedules,
                           OfferLocation location, Capacity capacity, OfferStatus status, ReferralTerms referralTerms) {

    /** An offer without referral terms: the referrals service's defaults apply (and events stored before the terms existed read so). */
    public OfferDetails(String title, String description, List<TargetGroup> targetGroups, Integer minimumAge, Integer maximumAge,
                        List<String> languages, String cost, List<WeeklySchedule> schedules, OfferLocation location, Capacity capacity,
                        OfferStatus status) {
        this(title, description, targetGroups, minimumAge, maximumAge, languages, cost, schedules, location, capacity, status, null);
    }

    public OfferDetails {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        languages = languages == null ? List.of() : List.copyOf(languages);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }
}
