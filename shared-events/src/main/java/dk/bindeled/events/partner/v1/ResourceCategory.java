package dk.bindeled.events.partner.v1;

/** What a partner lends on the sharing board (delebørs). */
public enum ResourceCategory {
    ROOM, KITCHEN, COPIER, PROJECTOR, VAN, EQUIPMENT, MONEY, OTHER
}
