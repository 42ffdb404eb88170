package dk.bindeled.events.partner.v1;

/** Where an offer takes place: a centre (by id and name), an address, or both. */
public record OfferLocation(String centreId, String centreName, String address) {
}
