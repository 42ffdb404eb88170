package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/** The meeting logbook's API, as the pages use it (README "Meeting logbook"). */
public class Logbook {

    private final ServiceClient client;

    public Logbook(ServiceClient client) {
        this.client = client;
    }

    public List<Map<String, Object>> collaborations() {
        return client.getList(u -> u.path("/api/collaborations").build());
    }

    public Map<String, Object> collaboration(String id) {
        return client.get(u -> u.path("/api/collaborations/{id}").build(id));
    }

    public Map<String, Object> start(Map<String, Object> collaboration) {
        return client.post(u -> u.path("/api/collaborations").build(), collaboration);
    }

    /** form, goals, theory-of-change, phase, partners, meetings */
    public Map<String, Object> collaborationStep(String id, String step, Map<String, Object> body) {
        return client.post(u -> u.path("/api/collaborations/{id}/{step}").build(id, step), body);
    }

    public Map<String, Object> exportJson(String id) {
        return client.get(u -> u.path("/api/collaborations/{id}/export.json").build(id));
    }

    public byte[] exportPdf(String id) {
        return client.getBytes(u -> u.path("/api/collaborations/{id}/export.pdf").build(id), MediaType.APPLICATION_PDF);
    }

    public Map<String, Object> meeting(String id) {
        return client.get(u -> u.path("/api/meetings/{id}").build(id));
    }

    /** A POST under the meeting: room, agenda, agenda/{item}/finish, proxies, votes, votes/{v}/ballots|totals|close, decisions, ... */
    public Map<String, Object> meetingStep(String id, String path, Map<String, Object> body) {
        return client.post(u -> u.path("/api/meetings/{id}/" + path).build(id), body);
    }

    public Map<String, Object> attendance(String meetingId, String org, List<String> people) {
        return client.put(u -> u.path("/api/meetings/{id}/attendance/{org}").build(meetingId, org), Map.of("people", people));
    }

    public Map<String, Object> draftMinutes(String meetingId, String text) {
        return client.put(u -> u.path("/api/meetings/{id}/minutes").build(meetingId), Map.of("text", text));
    }

    /** complete or cancel */
    public Map<String, Object> actionItem(String id, String step, Map<String, Object> body) {
        return client.post(u -> u.path("/api/action-items/{id}/{step}").build(id, step), body);
    }
}
