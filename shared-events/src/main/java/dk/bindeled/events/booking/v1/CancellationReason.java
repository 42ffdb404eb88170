package dk.bindeled.events.booking.v1;

/**
 * Why a booking was cancelled, as a category: what leaves room booking instead of the text staff typed, which
 * may name residents. Closed within v1 (the schemas list the values), so a new category is a schema change
 * that consumers must have before a producer sends it.
 */
public enum CancellationReason {
    /** The organiser called the activity off. */
    ORGANISER_CANCELLED,
    /**
     * The organiser or the person running the activity cannot come. Deliberately not "illness": with a small
     * association that would be health information about a person others can identify.
     */
    ORGANISER_UNAVAILABLE,
    TOO_FEW_PARTICIPANTS,
    /** The room turned out not to fit the activity (size, equipment, access). */
    ROOM_UNSUITABLE,
    /** The centre needs the room or cannot offer it: repairs, closing, a house event. */
    ROOM_UNAVAILABLE,
    /** The same activity was booked twice. */
    DUPLICATE,
    OTHER
}
