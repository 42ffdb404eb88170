package dk.bindeled.booking.query;

/** The processing groups of the query side. */
public final class ProcessingGroups {

    /** The calendar read model: centres, resources, bookings, series, history, waitlist (pooled processors, one per generation: see ProjectionReplay). */
    public static final String CALENDAR = "calendar";

    private ProcessingGroups() {
    }
}
