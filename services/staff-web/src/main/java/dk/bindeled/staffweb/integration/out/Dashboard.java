package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;

/** The dashboard's read models (overview, room use and offers week by week, the mapping of the collaboration), which dashboard v2 draws. */
public class Dashboard {

    private final ServiceClient client;

    public Dashboard(ServiceClient client) {
        this.client = client;
    }

    public Map<String, Object> overview() {
        return client.get(u -> u.path("/api/overview").build());
    }

    public List<Map<String, Object>> centres() {
        return client.getList(u -> u.path("/api/centres").build());
    }

    /** Every centre's rooms week by week, booked against open hours, in one read. */
    public Map<String, Object> roomUseByWeek(String from, String to) {
        return client.get(u -> u.path("/api/utilisation").queryParam("from", from).queryParam("to", to).build());
    }

    /** Referrals between partners in figures: per target group and receiving partner (no personal data). */
    public Map<String, Object> referralFlow() {
        return client.get(u -> u.path("/api/referrals/flow").build());
    }

    /** Live offers at the end of each week by target group and by sector. */
    public Map<String, Object> offersByWeek(String from, String to) {
        return client.get(u -> u.path("/api/offers/by-week").queryParam("from", from).queryParam("to", to).build());
    }

    /**
     * The mapping of the collaboration month by month ({@code from} and {@code to} as 2026-12): collaborations by form and
     * sector, meetings held, decisions by type, action items now and the partner network (organisations and counts only).
     */
    public Map<String, Object> mapping(String from, String to) {
        return client.get(u -> u.path("/api/mapping").queryParam("from", from).queryParam("to", to).build());
    }
}
