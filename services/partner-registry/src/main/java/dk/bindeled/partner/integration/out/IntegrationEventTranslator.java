package dk.bindeled.partner.integration.out;

import dk.bindeled.events.partner.v1.PartnerEvent;
import dk.bindeled.partner.api.Events;
import dk.bindeled.partner.api.OfferDetails;
import dk.bindeled.partner.api.PartnerProfile;
import java.util.Optional;

/**
 * The allow-list: which domain events leave the service, and what they say outside. A domain event
 * not named here is never published. Integration events are in {@code dk.bindeled.events.partner.v1}.
 */
public final class IntegrationEventTranslator {

    private IntegrationEventTranslator() {
    }

    public static Optional<PartnerEvent> translate(Object domainEvent) {
        PartnerEvent translated;
        if (domainEvent instanceof Events.PartnerRegistered e) {
            PartnerProfile p = e.profile();
            translated = new dk.bindeled.events.partner.v1.PartnerRegistered(e.partnerId(), p.name(), p.sector(), p.kind(),
                    p.cvr(), p.description(), p.website(), p.email(), p.phone());
        } else if (domainEvent instanceof Events.PartnerProfileUpdated e) {
            PartnerProfile p = e.profile();
            translated = new dk.bindeled.events.partner.v1.PartnerProfileUpdated(e.partnerId(), p.name(), p.sector(), p.kind(),
                    p.cvr(), p.description(), p.website(), p.email(), p.phone());
        } else if (domainEvent instanceof Events.PartnerDeactivated e) {
            translated = new dk.bindeled.events.partner.v1.PartnerDeactivated(e.partnerId(), e.reason());
        } else if (domainEvent instanceof Events.ContactPersonAdded e) {
            translated = new dk.bindeled.events.partner.v1.ContactPersonAdded(e.partnerId(), e.contactPersonId(), e.name(),
                    e.role(), e.workEmail(), e.workPhone());
        } else if (domainEvent instanceof Events.ContactPersonRemoved e) {
            translated = new dk.bindeled.events.partner.v1.ContactPersonRemoved(e.partnerId(), e.contactPersonId());
        } else if (domainEvent instanceof Events.OfferPublished e) {
            OfferDetails o = e.details();
            translated = new dk.bindeled.events.partner.v1.OfferPublished(e.partnerId(), e.offerId(), o.title(), o.description(),
                    o.targetGroups(), o.minimumAge(), o.maximumAge(), o.languages(), o.cost(), o.schedules(), o.location(),
                    o.capacity(), o.status(), o.referralTerms());
        } else if (domainEvent instanceof Events.OfferUpdated e) {
            OfferDetails o = e.details();
            translated = new dk.bindeled.events.partner.v1.OfferUpdated(e.partnerId(), e.offerId(), o.title(), o.description(),
                    o.targetGroups(), o.minimumAge(), o.maximumAge(), o.languages(), o.cost(), o.schedules(), o.location(),
                    o.capacity(), o.status(), o.referralTerms());
        } else if (domainEvent instanceof Events.OfferWithdrawn e) {
            translated = new dk.bindeled.events.partner.v1.OfferWithdrawn(e.partnerId(), e.offerId(), e.reason());
        } else if (domainEvent instanceof Events.ResourceShared e) {
            translated = new dk.bindeled.events.partner.v1.ResourceShared(e.partnerId(), e.resourceId(), e.name(), e.category(),
                    e.description(), e.terms());
        } else if (domainEvent instanceof Events.ResourceWithdrawn e) {
            translated = new dk.bindeled.events.partner.v1.ResourceWithdrawn(e.partnerId(), e.resourceId());
        } else if (domainEvent instanceof Events.PartnerJoinedCentre e) {
            translated = new dk.bindeled.events.partner.v1.PartnerJoinedCentre(e.partnerId(), e.centreId(), e.centreName(), e.role());
        } else if (domainEvent instanceof Events.PartnerLeftCentre e) {
            translated = new dk.bindeled.events.partner.v1.PartnerLeftCentre(e.partnerId(), e.centreId());
        } else {
            translated = null;
        }
        return Optional.ofNullable(translated);
    }
}
