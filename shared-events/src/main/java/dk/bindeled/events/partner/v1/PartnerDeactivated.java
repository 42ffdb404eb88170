package dk.bindeled.events.partner.v1;

public record PartnerDeactivated(String partnerId, String reason) implements PartnerEvent {
}
