package dk.bindeled.events.partner.v1;

public record ContactPersonRemoved(String partnerId, String contactPersonId) implements PartnerEvent {
}
