package dk.bindeled.events.partner.v1;

import dk.bindeled.events.IntegrationEvent;

/** An integration event of the partner registry, version 1. Keyed and ordered by partner. */
public sealed interface PartnerEvent extends IntegrationEvent
        permits PartnerRegistered, PartnerProfileUpdated, PartnerDeactivated,
                ContactPersonAdded, ContactPersonRemoved,
                OfferPublished, OfferUpdated, OfferWithdrawn,
                ResourceShared, ResourceWithdrawn,
                PartnerJoinedCentre, PartnerLeftCentre {

    String partnerId();

    @Override
    default String subject() {
        return partnerId();
    }
}
