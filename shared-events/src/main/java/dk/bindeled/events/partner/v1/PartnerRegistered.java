package dk.bindeled.events.partner.v1;

public record PartnerRegistered(String partnerId, String name, Sector sector, PartnerKind kind, String cvr,
                                String description, String website, String email, String phone) implements PartnerEvent {
}
