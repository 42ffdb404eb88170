package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;

/** The partner registry's API, as the pages use it. */
public class PartnerRegistry {

    private final ServiceClient client;

    public PartnerRegistry(ServiceClient client) {
        this.client = client;
    }

    /** The directory: {@code q}, {@code sector}, {@code targetGroup}, {@code centre}, {@code freeCapacity}. */
    public Map<String, Object> search(Map<String, String> filters, int page, int size) {
        return client.get(u -> {
            u.path("/api/partners");
            filters.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    u.queryParam(name, value);
                }
            });
            return u.queryParam("page", page).queryParam("size", size).build();
        });
    }

    public Map<String, Object> partner(String partnerId) {
        return client.get(u -> u.path("/api/partners/{id}").build(partnerId));
    }

    public Map<String, Object> offer(String offerId) {
        return client.get(u -> u.path("/api/offers/{id}").build(offerId));
    }

    public void updateProfile(String partnerId, Map<String, Object> profile) {
        client.put(u -> u.path("/api/partners/{id}/profile").build(partnerId), profile);
    }

    public void updateOffer(String partnerId, String offerId, Map<String, Object> offer) {
        client.put(u -> u.path("/api/partners/{id}/offers/{offerId}").build(partnerId, offerId), offer);
    }

    public Map<String, Object> addContact(String partnerId, Map<String, Object> contact) {
        return client.post(u -> u.path("/api/partners/{id}/contacts").build(partnerId), contact);
    }

    public void removeContact(String partnerId, String contactId) {
        client.delete(u -> u.path("/api/partners/{id}/contacts/{contactId}").build(partnerId, contactId));
    }

    public Map<String, Object> shareResource(String partnerId, Map<String, Object> resource) {
        return client.post(u -> u.path("/api/partners/{id}/resources").build(partnerId), resource);
    }

    public void withdrawResource(String partnerId, String resourceId) {
        client.delete(u -> u.path("/api/partners/{id}/resources/{resourceId}").build(partnerId, resourceId));
    }

    public List<Map<String, Object>> history(String partnerId) {
        return client.getList(u -> u.path("/api/partners/{id}/history").build(partnerId));
    }
}
