package dk.bindeled.events.partner.v1;

import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventType;
import dk.bindeled.events.Topics;
import java.net.URI;
import java.util.List;

/** The catalogue of {@code bindeled.partner.v1}: every type, its {@code ce_type} and its schema. */
public final class PartnerEventsV1 {

    public static final String DOMAIN = "partner";
    public static final URI SOURCE = URI.create("/bindeled/partner-registry");

    public static final EventCatalog CATALOG = new EventCatalog(Topics.PARTNER_V1, List.of(
            type(PartnerRegistered.class),
            type(PartnerProfileUpdated.class),
            type(PartnerDeactivated.class),
            type(ContactPersonAdded.class),
            type(ContactPersonRemoved.class),
            type(OfferPublished.class),
            type(OfferUpdated.class),
            type(OfferWithdrawn.class),
            type(ResourceShared.class),
            type(ResourceWithdrawn.class),
            type(PartnerJoinedCentre.class),
            type(PartnerLeftCentre.class)));

    private PartnerEventsV1() {
    }

    private static EventType<?> type(Class<? extends PartnerEvent> javaType) {
        return EventType.of(DOMAIN, 1, javaType);
    }
}
