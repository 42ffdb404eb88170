package dk.bindeled.events.booking.v1;

public enum ResourceKind {
    ROOM, FACILITY, EQUIPMENT
}
