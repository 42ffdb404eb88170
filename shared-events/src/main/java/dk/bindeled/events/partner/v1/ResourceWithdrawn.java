package dk.bindeled.events.partner.v1;

public record ResourceWithdrawn(String partnerId, String resourceId) implements PartnerEvent {
}
