package dk.bindeled.events.partner.v1;

public record OfferWithdrawn(String partnerId, String offerId, String reason) implements PartnerEvent {
}
