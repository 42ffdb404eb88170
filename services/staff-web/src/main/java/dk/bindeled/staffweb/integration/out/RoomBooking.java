package dk.bindeled.staffweb.integration.out;

import dk.bindeled.events.IsoWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Room booking's API, as the pages use it (README "APIs"). */
public class RoomBooking {

    private final ServiceClient client;

    public RoomBooking(ServiceClient client) {
        this.client = client;
    }

    public List<Map<String, Object>> centres() {
        return client.getList(u -> u.path("/api/centres").build());
    }

    public Map<String, Object> centre(String centreId) {
        return client.get(u -> u.path("/api/centres/{id}").build(centreId));
    }

    public Map<String, Object> resource(String resourceId) {
        return client.get(u -> u.path("/api/resources/{id}").build(resourceId));
    }

    public Map<String, Object> centreCalendar(String centreId, LocalDate date, String view) {
        return client.get(u -> u.path("/api/centres/{id}/calendar").queryParam("date", date).queryParam("view", view).build(centreId));
    }

    public Map<String, Object> resourceCalendar(String resourceId, LocalDate date, String view) {
        return client.get(u -> u.path("/api/resources/{id}/calendar").queryParam("date", date).queryParam("view", view).build(resourceId));
    }

    public Map<String, Object> freeSlots(String centreId, LocalDate date, LocalTime from, LocalTime to, Integer attendees, List<String> features) {
        return client.get(u -> {
            u.path("/api/centres/{id}/free-slots").queryParam("date", date).queryParam("from", from).queryParam("to", to);
            if (attendees != null) {
                u.queryParam("attendees", attendees);
            }
            if (features != null && !features.isEmpty()) {
                u.queryParam("features", String.join(",", features));
            }
            return u.build(centreId);
        });
    }

    public List<Map<String, Object>> partnerBookings(String partnerId, LocalDate from, LocalDate to) {
        return client.getList(u -> u.path("/api/partners/{id}/bookings").queryParam("from", from).queryParam("to", to)
                .queryParam("limit", 500).build(partnerId));
    }

    public List<Map<String, Object>> approvals(String centreId) {
        return client.getList(u -> u.path("/api/centres/{id}/approvals").build(centreId));
    }

    public Map<String, Object> booking(String bookingId) {
        return client.get(u -> u.path("/api/bookings/{id}").build(bookingId));
    }

    public Map<String, Object> series(String seriesId) {
        return client.get(u -> u.path("/api/series/{id}").build(seriesId));
    }

    public Map<String, Object> book(Map<String, Object> request) {
        return client.post(u -> u.path("/api/bookings").build(), request);
    }

    public Map<String, Object> bookSeries(Map<String, Object> request) {
        return client.post(u -> u.path("/api/series").build(), request);
    }

    public Map<String, Object> joinWaitlist(Map<String, Object> request) {
        return client.post(u -> u.path("/api/waitlist").build(), request);
    }

    /** What the partner holds of its quota in the centre in the ISO week of the date, and what is left. */
    public Map<String, Object> quota(String centreId, String partnerId, LocalDate date) {
        return client.get(u -> u.path("/api/centres/{id}/quota").queryParam("partner", partnerId)
                .queryParam("week", IsoWeek.of(date).toString()).build(centreId));
    }

    /** Who waits for the resource's taken slots now, in the order they joined (each row as the caller may see it). */
    public List<Map<String, Object>> waitlist(String resourceId) {
        return client.getList(u -> u.path("/api/resources/{id}/waitlist").queryParam("limit", 500).build(resourceId));
    }

    public void leaveWaitlist(String entryId) {
        client.delete(u -> u.path("/api/waitlist/{id}").build(entryId));
    }

    /** approve, reject, cancel, move, accept, decline */
    public Map<String, Object> bookingAction(String bookingId, String action, Map<String, Object> body) {
        return client.post(u -> u.path("/api/bookings/{id}/{action}").build(bookingId, action), body);
    }

    /** approve, reject, cancel */
    public Map<String, Object> seriesAction(String seriesId, String action, Map<String, Object> body) {
        return client.post(u -> u.path("/api/series/{id}/{action}").build(seriesId, action), body);
    }

    public Map<String, Object> fairness(String centreId, LocalDate from, LocalDate to, String by) {
        return client.get(u -> u.path("/api/centres/{id}/fairness").queryParam("from", from).queryParam("to", to).queryParam("by", by)
                .build(centreId));
    }

    /** {@code scope} is {@code partners}, {@code centres} or {@code resources}. */
    public Map<String, Object> createFeedToken(String scope, String id) {
        return client.post(u -> u.path("/api/{scope}/{id}/feed-tokens").build(scope, id), null);
    }

    public List<Map<String, Object>> feedTokens(String scope, String id) {
        return client.getList(u -> u.path("/api/{scope}/{id}/feed-tokens").build(scope, id));
    }

    public void revokeFeedToken(String tokenId) {
        client.delete(u -> u.path("/api/feed-tokens/{id}").build(tokenId));
    }
}
