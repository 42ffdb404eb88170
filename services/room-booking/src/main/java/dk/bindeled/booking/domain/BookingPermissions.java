package dk.bindeled.booking.domain;

import java.util.Set;

/**
 * Who may do what with bookings, in one place (issue 9). The web layer asks before it sends a command, and the
 * queries ask what a viewer may see of a booking ({@link #disclosure}), so a read can never show more than the
 * rule behind the commands allows.
 * <ul>
 *   <li>A partner's <em>members</em>: {@code partner-admin} or {@code partner-member} whose {@code org} is the partner.</li>
 *   <li>A centre's <em>staff</em>: {@code centre-staff} or {@code centre-manager} with the centre in {@code centres};
 *       its <em>manager</em>: {@code centre-manager} with the centre in {@code centres}.</li>
 * </ul>
 */
public final class BookingPermissions {

    public static final String ADMIN = "admin";
    public static final String CENTRE_MANAGER = "centre-manager";
    public static final String CENTRE_STAFF = "centre-staff";
    public static final String CASEWORKER = "caseworker";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String PARTNER_MEMBER = "partner-member";
    public static final String COORDINATOR = "coordinator";
    public static final String VIEWER = "viewer";

    /** The roles that speak for one partner only; every other role may read a partner's list (masked). */
    private static final Set<String> PARTNER_ROLES = Set.of(PARTNER_ADMIN, PARTNER_MEMBER);

    /** The names of the rights, as a refusal ({@code right} in the 403) names them. */
    public static final String BOOK_FOR_PARTNER = "book-for-partner";
    public static final String CHANGE_BOOKING = "change-booking";
    public static final String DECIDE_REQUESTS = "decide-requests";
    public static final String ANSWER_OFFER = "answer-waitlist-offer";
    public static final String ADMINISTER_CENTRE = "administer-centre";
    public static final String CENTRE_FEEDS = "manage-centre-feeds";
    public static final String PARTNER_FEEDS = "manage-partner-feeds";
    public static final String READ_PARTNER_BOOKINGS = "read-partner-bookings";
    public static final String READ_APPROVALS = "read-approvals";
    public static final String READ_FAIRNESS = "read-fairness";
    public static final String READ_QUOTA = "read-quota";

    private BookingPermissions() {
    }

    public static boolean memberOf(Viewer viewer, String partnerId) {
        return partnerId != null && partnerId.equals(viewer.org())
                && (viewer.has(PARTNER_ADMIN) || viewer.has(PARTNER_MEMBER));
    }

    public static boolean staffOf(Viewer viewer, String centreId) {
        return centreId != null && viewer.centres().contains(centreId)
                && (viewer.has(CENTRE_STAFF) || viewer.has(CENTRE_MANAGER));
    }

    public static boolean managerOf(Viewer viewer, String centreId) {
        return centreId != null && viewer.centres().contains(centreId) && viewer.has(CENTRE_MANAGER);
    }

    /** A booking, series or wait for a partner at a centre: the partner's own members, or the centre's staff on its behalf. */
    public static boolean mayBookFor(Viewer viewer, String partnerId, String centreId) {
        return memberOf(viewer, partnerId) || staffOf(viewer, centreId);
    }

    /** Moving or cancelling a booking or series, leaving the waitlist: the same people who may book it. */
    public static boolean mayChange(Viewer viewer, String partnerId, String centreId) {
        return mayBookFor(viewer, partnerId, centreId);
    }

    /** Approving and rejecting requests, handling flags: that centre's manager alone. */
    public static boolean mayDecide(Viewer viewer, String centreId) {
        return managerOf(viewer, centreId);
    }

    /** Accepting or declining a slot the waitlist offers: the waiting partner's own members. */
    public static boolean mayAnswerOffer(Viewer viewer, String partnerId) {
        return memberOf(viewer, partnerId);
    }

    /** The centre itself, its resources, their rules and the partners' quotas: admin or that centre's manager. */
    public static boolean mayAdministerCentre(Viewer viewer, String centreId) {
        return viewer.has(ADMIN) || managerOf(viewer, centreId);
    }

    /** Feeds of a centre or of one of its resources: made, listed and revoked by the centre's staff. */
    public static boolean mayManageCentreFeeds(Viewer viewer, String centreId) {
        return staffOf(viewer, centreId);
    }

    /** Feeds of a partner's own bookings: made, listed and revoked by the partner's members. */
    public static boolean mayManagePartnerFeeds(Viewer viewer, String partnerId) {
        return memberOf(viewer, partnerId);
    }

    /**
     * A partner's list of bookings: its members, and anyone whose role is not a partner's (centre people, admin,
     * caseworkers, coordinators, viewers); rows are then disclosed one by one. Another partner's members never.
     */
    public static boolean mayReadPartnerBookings(Viewer viewer, String partnerId) {
        return memberOf(viewer, partnerId) || viewer.roles().stream().anyMatch(r -> !PARTNER_ROLES.contains(r));
    }

    /** The manager's queue of requests: the centre's staff (in full) and admin (disclosed row by row). */
    public static boolean mayReadApprovals(Viewer viewer, String centreId) {
        return staffOf(viewer, centreId) || viewer.has(ADMIN);
    }

    /** Hours per partner include the partners of BUSY bookings, which the calendar hides: not for the public. */
    public static boolean mayReadFairness(Viewer viewer, String centreId) {
        return viewer.has(ADMIN) || viewer.has(COORDINATOR) || staffOf(viewer, centreId);
    }

    /** What a partner holds of its quota and has left: whoever may book for it there, and admin. */
    public static boolean mayReadQuota(Viewer viewer, String partnerId, String centreId) {
        return mayBookFor(viewer, partnerId, centreId) || viewer.has(ADMIN);
    }

    /** What of a booking a viewer may see. */
    public record Disclosure(boolean title, boolean organiser, boolean internal) {

        public static final Disclosure FULL = new Disclosure(true, true, true);
        public static final Disclosure PUBLIC = new Disclosure(true, true, false);
        public static final Disclosure TITLE_ONLY = new Disclosure(true, false, false);
        public static final Disclosure BUSY = new Disclosure(false, false, false);

        public boolean full() {
            return internal;
        }
    }

    /**
     * What a viewer sees of a booking of a partner at a centre with the given visibility. The booking partner's
     * members and the centre's staff see everything; anyone else sees what the visibility shows: {@code BUSY} only that
     * the time is taken, {@code TITLE_ONLY} the title, {@code PUBLIC} the title, the partner, attendees, target group
     * and linked offer. {@code internal} (the purpose, the centre's note, the flag's reason, the history and who acted
     * in it) reaches nobody else, whatever the visibility; so does the title of a {@code BUSY} booking. An unknown
     * visibility is treated as {@code BUSY}.
     */
    public static Disclosure disclosure(Viewer viewer, String partnerId, String centreId, String visibility) {
        if (memberOf(viewer, partnerId) || staffOf(viewer, centreId)) {
            return Disclosure.FULL;
        }
        if ("PUBLIC".equals(visibility)) {
            return Disclosure.PUBLIC;
        }
        if ("TITLE_ONLY".equals(visibility)) {
            return Disclosure.TITLE_ONLY;
        }
        return Disclosure.BUSY;
    }
}
