package dk.bindeled.events.booking.v1;

/**
 * Why room booking refused a booking another service asked it for (a meeting's room), as a category: the request
 * never became a booking. Closed within v1, like {@link RejectionReason}.
 */
public enum RefusalReason {
    /** Another booking (or its cleaning buffer) holds the time. */
    TIME_TAKEN,
    /** The partner has used its quota of the room, of peak time or of the week. */
    QUOTA_EXCEEDED,
    /** The time is outside the centre's opening hours, its booking horizon or the room's rules. */
    NOT_BOOKABLE_THEN,
    /** The partner is unknown to the centre or not active there. */
    PARTNER_NOT_ALLOWED,
    /** No such room. */
    UNKNOWN_RESOURCE,
    OTHER
}
