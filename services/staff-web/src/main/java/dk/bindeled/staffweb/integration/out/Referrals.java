package dk.bindeled.staffweb.integration.out;

import java.util.List;
import java.util.Map;

/** The referrals service's API, as the pages use it (README "Referrals"). */
public class Referrals {

    private final ServiceClient client;
    private final ServiceClient anonymous;

    /** {@code anonymous}: the same service without the user's token, for what anyone may read (a status link). */
    public Referrals(ServiceClient client, ServiceClient anonymous) {
        this.client = client;
        this.anonymous = anonymous;
    }

    /** {@code body}: label, expiresInDays, showPersonalData; answers the link's token, once. */
    public Map<String, Object> issueStatusLink(String referralId, Map<String, Object> body) {
        return client.post(u -> u.path("/api/referrals/{id}/status-links").build(referralId), body);
    }

    public Map<String, Object> revokeStatusLink(String referralId, String linkId) {
        return client.post(u -> u.path("/api/referrals/{id}/status-links/{link}/revoke").build(referralId, linkId), Map.of());
    }

    /** What a status link shows; the token travels in a header, so no log on the way holds it. */
    public Map<String, Object> statusLink(String token) {
        return anonymous.getWithHeader(u -> u.path("/api/status-link").build(), "Status-Link-Token", token);
    }

    /** {@code box}: received or sent. */
    public List<Map<String, Object>> box(String box, String status) {
        return client.getList(u -> {
            u.path("/api/referrals").queryParam("box", box);
            if (status != null && !status.isBlank()) {
                u.queryParam("status", status);
            }
            return u.build();
        });
    }

    public Map<String, Object> referral(String referralId) {
        return client.get(u -> u.path("/api/referrals/{id}").build(referralId));
    }

    public List<Map<String, Object>> offers() {
        return client.getList(u -> u.path("/api/referrals/offers").build());
    }

    public Map<String, Object> registerResident(Map<String, Object> resident) {
        return client.post(u -> u.path("/api/residents").build(), resident);
    }

    public Map<String, Object> refer(Map<String, Object> referral) {
        return client.post(u -> u.path("/api/referrals").build(), referral);
    }

    /** send, withdraw, entered-in-error, accept, decline, forward, contact-made, contact-failed, complete */
    public Map<String, Object> step(String referralId, String step, Map<String, Object> body) {
        return client.post(u -> u.path("/api/referrals/{id}/{step}").build(referralId, step), body);
    }

    public Map<String, Object> revokeConsent(String referralId, String consentId) {
        return client.post(u -> u.path("/api/referrals/{id}/consents/{consent}/revoke").build(referralId, consentId), Map.of());
    }

    public Map<String, Object> export(String residentId) {
        return client.get(u -> u.path("/api/residents/{id}/export").build(residentId));
    }

    public byte[] exportPdf(String residentId) {
        return client.getBytes(u -> u.path("/api/residents/{id}/export.pdf").build(residentId), org.springframework.http.MediaType.APPLICATION_PDF);
    }

    public Map<String, Object> forget(String residentId, Map<String, Object> decision) {
        return client.post(u -> u.path("/api/residents/{id}/forget").build(residentId), decision);
    }
}
