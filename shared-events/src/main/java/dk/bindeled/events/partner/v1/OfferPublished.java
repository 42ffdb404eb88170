package dk.bindeled.events.partner.v1;

import java.util.List;

/** The whole offer as it now stands. */
public record OfferPublished(String partnerId, String offerId, String title, String description, List<TargetGroup> targetGroups,
                             Integer minimumAge, Integer maximumAge, List<String> languages, String cost,
                             List<WeeklySchedule> schedules, OfferLocation location, Capacity capacity,
                             OfferStatus status) implements PartnerEvent {
}
