package dk.bindeled.referrals.domain;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.domain.OfferCatalogue.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a referral may go, in one place: an offer the replica knows, of the recipient, live; one with no free place
 * only when the referrer gives a reason to override, else 409 with the live offers for the same target group that have
 * room. And no second open referral of a resident to the same offer. The aggregate applies it when sending and
 * forwarding; the pages show the same alternatives.
 */
public final class OfferPolicy {

    public static final String OFFER_FULL = "offer-full";
    public static final String OFFER_NOT_LIVE = "offer-not-active";
    public static final String DUPLICATE = "duplicate-referral";

    private OfferPolicy() {
    }

    /** The offer, checked; {@code overrideReason} lets a full offer through. */
    public static Offer check(OfferCatalogue catalogue, String offerId, String recipient, TargetGroup targetGroup, String overrideReason,
                              String field) {
        Offer offer = catalogue.offer(offerId).orElseThrow(() -> new InvalidInputException(field, "names no offer the registry has published"));
        if (!offer.partnerId().equals(recipient)) {
            throw new InvalidInputException(field, "is not an offer of the recipient " + recipient);
        }
        if (!offer.live()) {
            throw new RuleViolationException(OFFER_NOT_LIVE, "The offer " + offer.title() + " is not active: refer only to active offers");
        }
        if (offer.available() != null && offer.available() <= 0 && (overrideReason == null || overrideReason.isBlank())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("alternatives", alternatives(catalogue, targetGroup != null ? targetGroup : first(offer), offerId));
            throw new RuleViolationException(OFFER_FULL, "The offer " + offer.title()
                    + " has no free places; give capacityOverrideReason to refer anyway, or choose one of the alternatives", details);
        }
        return offer;
    }

    /** The live offers with room for the target group, as a problem or a page lists them. */
    public static List<Map<String, Object>> alternatives(OfferCatalogue catalogue, TargetGroup targetGroup, String excluding) {
        if (targetGroup == null) {
            return List.of();
        }
        return catalogue.alternatives(targetGroup, excluding).stream()
                .map(o -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("offerId", o.offerId());
                    a.put("title", o.title());
                    a.put("partnerId", o.partnerId());
                    a.put("partnerName", o.partnerName());
                    a.put("available", o.available());
                    return a;
                })
                .toList();
    }

    /** No second open referral of the resident to the same offer: 409 naming the one there is. */
    public static void noDuplicate(ReferralIndex index, String residentId, String offerId) {
        index.openReferral(residentId, offerId).ifPresent(open -> {
            throw new RuleViolationException(DUPLICATE, "The resident has an open referral to this offer already",
                    Map.of("referralId", open, "referral", "/api/referrals/" + open));
        });
    }

    private static TargetGroup first(Offer offer) {
        return offer.targetGroups().isEmpty() ? null : offer.targetGroups().get(0);
    }
}
