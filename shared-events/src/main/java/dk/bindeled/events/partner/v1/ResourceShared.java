package dk.bindeled.events.partner.v1;

/** Something a partner lends to others on the sharing board, and on what terms. */
public record ResourceShared(String partnerId, String resourceId, String name, ResourceCategory category,
                             String description, String terms) implements PartnerEvent {
}
