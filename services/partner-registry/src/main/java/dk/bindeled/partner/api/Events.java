package dk.bindeled.partner.api;

import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.ResourceCategory;

/**
 * The domain events of the partner registry, as stored in its event store. They are private to the
 * service: other services see only the integration events translated from an allow-list of these.
 */
public final class Events {

    private Events() {
    }

    public record PartnerRegistered(String partnerId, PartnerProfile profile) {
    }

    public record PartnerProfileUpdated(String partnerId, PartnerProfile profile) {
    }

    public record PartnerDeactivated(String partnerId, String reason) {
    }

    public record ContactPersonAdded(String partnerId, String contactPersonId, String name, String role,
                                     String workEmail, String workPhone) {
    }

    public record ContactPersonRemoved(String partnerId, String contactPersonId) {
    }

    public record OfferPublished(String partnerId, String offerId, OfferDetails details) {
    }

    public record OfferUpdated(String partnerId, String offerId, OfferDetails details) {
    }

    public record OfferWithdrawn(String partnerId, String offerId, String reason) {
    }

    public record ResourceShared(String partnerId, String resourceId, String name, ResourceCategory category,
                                 String description, String terms) {
    }

    public record ResourceWithdrawn(String partnerId, String resourceId) {
    }

    public record PartnerJoinedCentre(String partnerId, String centreId, String centreName, MembershipRole role) {
    }

    public record PartnerLeftCentre(String partnerId, String centreId) {
    }
}
