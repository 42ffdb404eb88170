package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingRules;
import java.util.Optional;

/**
 * Who may book a resource: an active partner that the rules let in, either every partner of the resource's centre or
 * only those listed. A request from anyone else is refused; a wait of theirs is passed over when the slot frees up.
 */
record BookingAccess(BookingRules rules, String centreId) {

    /** The partner named by a request, or the refusal: 400 for a missing or unknown partner, 403 for one not let in. */
    PartnerStanding require(String partnerId, PartnerRoster partners) {
        if (partnerId == null || partnerId.isBlank()) {
            throw new InvalidInputException("partnerId", "is required");
        }
        PartnerStanding partner = partners.find(partnerId)
                .orElseThrow(() -> new InvalidInputException("partnerId", "names no partner known to the registry"));
        refusal(partner).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        return partner;
    }

    boolean allows(Optional<PartnerStanding> partner) {
        return partner.isPresent() && refusal(partner.get()).isEmpty();
    }

    Optional<String> refusal(PartnerStanding partner) {
        if (!partner.active()) {
            return Optional.of("Partner " + partner.name() + " is deactivated and cannot book");
        }
        if (rules.access() == BookingRules.Access.LISTED_PARTNERS) {
            return rules.listedPartners().contains(partner.partnerId()) ? Optional.empty()
                    : Optional.of("Only the listed partners may book this resource; " + partner.name() + " is not one of them");
        }
        return partner.centres().contains(centreId) ? Optional.empty()
                : Optional.of(partner.name() + " is not a partner of the centre and cannot book its resources");
    }
}
