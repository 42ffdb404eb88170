package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;

/** The dashboard's read models (overview and utilisation), which dashboard v2 draws. */
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

    public Map<String, Object> utilisation(String centreId, String week) {
        return client.get(u -> u.path("/api/centres/{id}/utilisation").queryParam("week", week).build(centreId));
    }
}
