package dk.bindeled.events.partner.v1;

public enum OfferStatus {
    ACTIVE, TEMPORARILY_CLOSED, INACTIVE
}
