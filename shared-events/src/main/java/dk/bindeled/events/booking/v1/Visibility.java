package dk.bindeled.events.booking.v1;

/** How much of a booking the house may see: on info screens, in feeds and on dashboards. */
public enum Visibility {
    /** Shown with its title, also on the public info screen. */
    PUBLIC,
    /** Title shown to the house's staff and partners, not on the public info screen. */
    TITLE_ONLY,
    /** Shown only as busy. */
    BUSY
}
