package dk.bindeled.events.partner.v1;

public record PartnerLeftCentre(String partnerId, String centreId) implements PartnerEvent {
}
