package dk.bindeled.events.partner.v1;

public record PartnerJoinedCentre(String partnerId, String centreId, String centreName, MembershipRole role) implements PartnerEvent {
}
