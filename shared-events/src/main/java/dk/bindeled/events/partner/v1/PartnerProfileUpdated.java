package dk.bindeled.events.partner.v1;

/** The whole profile after the change, so a consumer never has to merge partial updates. */
public record PartnerProfileUpdated(String partnerId, String name, Sector sector, PartnerKind kind, String cvr,
                                    String description, String website, String email, String phone) implements PartnerEvent {
}
