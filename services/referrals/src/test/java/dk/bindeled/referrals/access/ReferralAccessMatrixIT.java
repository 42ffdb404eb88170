package dk.bindeled.referrals.access;

import dk.bindeled.referrals.IntegrationTest;
import dk.bindeled.testsupport.AccessMatrix;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of referrals × every role × own or other organisation (prints {@code ACCESS MATRIX referrals}). The
 * endpoints open to the roles that work for an organisation; which referral each sees is its two sides' alone, and a
 * referral of others answers 404 (ReferralFlowIT), which this table counts as let through. The platform admin, the
 * coordinator and viewers reach no resident. A status link's read is open to anyone: its token is the credential.
 */
class ReferralAccessMatrixIT extends IntegrationTest {

    static final String[] WORKERS = {"caseworker", "centre-staff", "centre-manager", "partner-admin", "partner-member"};

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointLetsThroughExactlyTheRolesThatWorkForAnOrganisation() {
        AccessMatrix matrix = AccessMatrix.of("referrals", mappings).orgs(UUID.randomUUID(), UUID.randomUUID());
        String referral = "/api/referrals/" + UUID.randomUUID();
        String resident = "/api/residents/" + UUID.randomUUID();

        matrix.row("GET /api/referrals/statistics").path("/api/referrals/statistics").signedIn();
        matrix.row("POST /api/residents").path("/api/residents").body("{}").allow(WORKERS);
        matrix.row("GET /api/residents/{residentId}/export").path(resident + "/export").allow(WORKERS);
        matrix.row("GET /api/residents/{residentId}/export.pdf").path(resident + "/export.pdf").accept("application/pdf").allow(WORKERS);
        matrix.row("POST /api/residents/{residentId}/forget").path(resident + "/forget").body("{\"decision\":\"ERASE\"}").allow(WORKERS);
        matrix.row("POST /api/referrals").path("/api/referrals").body("{}").allow(WORKERS);
        matrix.row("GET /api/referrals").path("/api/referrals?box=sent").allow(WORKERS);
        matrix.row("GET /api/referrals/offers").path("/api/referrals/offers?targetGroup=YOUNG_MOTHERS").allow(WORKERS);
        matrix.row("GET /api/referrals/{referralId}").path(referral).allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/consents").path(referral + "/consents").body("{}").allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/consents/{consentId}/revoke").path(referral + "/consents/c1/revoke").allow(WORKERS);
        for (String step : new String[] {"send", "withdraw", "entered-in-error", "accept", "contact-made", "contact-failed"}) {
            matrix.row("POST /api/referrals/{referralId}/" + step).path(referral + "/" + step).body("{}").allow(WORKERS);
        }
        matrix.row("POST /api/referrals/{referralId}/decline").path(referral + "/decline").body("{\"reason\":\"OTHER\"}").allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/forward").path(referral + "/forward").body("{\"toOfferId\":\"x\"}").allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/complete").path(referral + "/complete").body("{\"outcome\":\"GOT_HELP\"}").allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/status-links").path(referral + "/status-links").body("{}").allow(WORKERS);
        matrix.row("POST /api/referrals/{referralId}/status-links/{linkId}/revoke").path(referral + "/status-links/l1/revoke").allow(WORKERS);
        // The link's token is its credential: anyone reaches the read, and an unknown token is 404 like any other.
        matrix.row("GET /api/status-link").path("/api/status-link").anyone();
        for (String endpoint : matrix.endpoints()) {
            if (endpoint.contains("/v3/api-docs") || endpoint.contains("swagger")) {
                matrix.row(endpoint).path(endpoint.substring(endpoint.indexOf(' ') + 1).replace("{group}", "x")).anyone();
            }
        }
        matrix.row("ANY /error").path("/error").anyone();
        matrix.verify("http://127.0.0.1:" + port, ISSUER);
    }
}
