package dk.bindeled.events.partner.v1;

/** The sector an actor belongs to (offentlig, privat, tredje, uformel). */
public enum Sector {
    PUBLIC, PRIVATE, THIRD_SECTOR, INFORMAL
}
