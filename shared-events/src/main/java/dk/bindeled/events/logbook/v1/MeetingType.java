package dk.bindeled.events.logbook.v1;

public enum MeetingType {
    NETWORK,
    COORDINATION,
    CO_CREATION,
    HOUSE_COUNCIL,
    SHARED_MEETING
}
