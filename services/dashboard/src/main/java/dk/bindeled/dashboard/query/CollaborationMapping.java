package dk.bindeled.dashboard.query;

import java.util.List;

/**
 * The mapping of the collaboration over a range of months, from {@code bindeled.logbook.v1} (and, for the referral links,
 * {@code bindeled.referral.v1}): organisations, categories and counts only.
 *
 * @param from         the first month, e.g. {@code 2026-07}
 * @param to           the last month, included
 * @param months       every month of the range, oldest first; every {@code counts} list below is in this order
 * @param collaborations collaborations at the end of each month, by form and by sector
 * @param meetings     meetings scheduled and held in each month ({@link HeldMeeting})
 * @param decisions    decisions recorded in the range, by type
 * @param actionItems  action items by status now, whatever the range
 * @param network      the partners and the links between them within the range
 */
public record CollaborationMapping(String from, String to, List<String> months, Collaborations collaborations, Meetings meetings,
                                   Decisions decisions, ActionItems actionItems, Network network) {

    /**
     * @param key    the contract's code (a form, sector, meeting or decision type)
     * @param label  in Danish
     * @param counts one count per month of {@code months}
     */
    public record Series(String key, String label, List<Long> counts) {
    }

    /**
     * A collaboration counts in a month from the month it started on (the logbook has no end to a collaboration), by the
     * form it had at the end of that month, and in the sector of each partner it had by then (so in as many sectors as its
     * partners are in: the sector series need not add up to the total). Sectors are the partners' present ones from
     * {@code bindeled.partner.v1}; a partner the registry has not announced is in {@code UNKNOWN}.
     *
     * @param total    collaborations at the end of each month
     * @param started  collaborations started in each month
     * @param byForm   one series per form, all five always, in the order of the forms
     * @param bySector one series per sector, all four always, and {@code UNKNOWN} when any partner is unknown
     */
    public record Collaborations(List<Long> total, List<Long> started, List<Series> byForm, List<Series> bySector) {
    }

    /**
     * @param scheduled  meetings scheduled to start in each month, held or not
     * @param held       of those, the meetings held ({@link HeldMeeting})
     * @param heldByType held meetings by type, every type always
     */
    public record Meetings(List<Long> scheduled, List<Long> held, List<Series> heldByType) {
    }

    /**
     * @param total  decisions recorded in the range
     * @param byType every decision type, with its count in the range and per month (the month it was recorded in)
     */
    public record Decisions(long total, List<TypeCount> byType) {
    }

    public record TypeCount(String key, String label, long count, List<Long> counts) {
    }

    /**
     * Action items as they stand now ({@link ActionItemStatus}).
     *
     * @param open      not completed nor cancelled, the overdue ones included
     * @param overdue   open past their due date
     * @param completed completed
     * @param cancelled cancelled
     */
    public record ActionItems(long open, long overdue, long completed, long cancelled) {
    }

    /**
     * @param kinds every kind of link with its Danish label
     * @param nodes every partner with a collaboration by the end of the range, a held meeting in it or a referral in it, by name
     * @param edges the links, strongest first
     */
    public record Network(List<KindLabel> kinds, List<Node> nodes, List<Edge> edges) {
    }

    public record KindLabel(LinkKind key, String label) {
    }

    /**
     * @param partnerId        the partner's id
     * @param name             its name from the partner registry ("aktør &lt;id&gt;" when not announced)
     * @param sector           its sector's code, {@code UNKNOWN} when not announced
     * @param sectorLabel      in Danish
     * @param collaborations   collaborations it is a partner of by the end of the range
     * @param meetingsAttended held meetings in the range it was at
     */
    public record Node(String partnerId, String name, String sector, String sectorLabel, long collaborations, long meetingsAttended) {
    }

    /**
     * A link between two partners. For {@link LinkKind#REFERRAL} it has a direction, {@code a} referring to {@code b};
     * the other kinds have none, and {@code a} is the smaller id.
     *
     * @param weight how many collaborations, held meetings or referrals the link stands for
     */
    public record Edge(String a, String b, LinkKind kind, long weight) {
    }

    /**
     * What links two partners, one rule each. There is no kind for bookings: a booking in {@code bindeled.booking.v1} has
     * one partner, and nothing in it says that two partners booked together or for the same meeting.
     */
    public enum LinkKind {
        /** Both are partners (coordinator, lead or participant) of a collaboration started by the end of the range: one per collaboration. */
        COLLABORATION("Samarbejde"),
        /** Both were at a meeting held in the range ({@link HeldMeeting}): one per meeting. */
        MEETING("Møde"),
        /** {@code a} sent {@code b} a referral in the range (not one entered in error): one per referral. */
        REFERRAL("Henvisning");

        private final String label;

        LinkKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
