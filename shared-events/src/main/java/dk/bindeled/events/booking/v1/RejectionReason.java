package dk.bindeled.events.booking.v1;

/**
 * Why the centre manager declined a requested booking, as a category: what leaves room booking instead of the
 * text the manager typed, which may name residents. Closed within v1, like {@link CancellationReason}.
 */
public enum RejectionReason {
    /** The activity is outside what the house or the room is for. */
    OUTSIDE_PURPOSE,
    /** The centre needs the room for something else at that time. */
    ROOM_NEEDED_ELSEWHERE,
    /** Another room fits the activity better (size, kitchen, access). */
    ROOM_UNSUITABLE,
    /** The request lacks what the manager needs to decide. */
    INCOMPLETE_REQUEST,
    /** The partner already has more than its fair share of the room, peak time or the week. */
    QUOTA_FAIRNESS,
    OTHER
}
