package dk.bindeled.partner.api;

import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.ResourceCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the partner registry, imperative, each aimed at one partner. */
public final class Commands {

    private Commands() {
    }

    public record RegisterPartner(@TargetAggregateIdentifier String partnerId, PartnerProfile profile) {
    }

    public record UpdatePartnerProfile(@TargetAggregateIdentifier String partnerId, PartnerProfile profile) {
    }

    public record DeactivatePartner(@TargetAggregateIdentifier String partnerId, String reason) {
    }

    public record AddContactPerson(@TargetAggregateIdentifier String partnerId, String contactPersonId, String name,
                                   String role, String workEmail, String workPhone) {
    }

    public record RemoveContactPerson(@TargetAggregateIdentifier String partnerId, String contactPersonId) {
    }

    public record PublishOffer(@TargetAggregateIdentifier String partnerId, String offerId, OfferDetails details) {
    }

    public record UpdateOffer(@TargetAggregateIdentifier String partnerId, String offerId, OfferDetails details) {
    }

    public record WithdrawOffer(@TargetAggregateIdentifier String partnerId, String offerId, String reason) {
    }

    public record ShareResource(@TargetAggregateIdentifier String partnerId, String resourceId, String name,
                                ResourceCategory category, String description, String terms) {
    }

    public record WithdrawResource(@TargetAggregateIdentifier String partnerId, String resourceId) {
    }

    public record JoinCentre(@TargetAggregateIdentifier String partnerId, String centreId, String centreName,
                             MembershipRole role) {
    }

    public record LeaveCentre(@TargetAggregateIdentifier String partnerId, String centreId) {
    }
}
