package dk.bindeled.logbook.access;

import dk.bindeled.logbook.IntegrationTest;
import dk.bindeled.testsupport.AccessMatrix;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the logbook × every role × own or other organisation (prints {@code ACCESS MATRIX meeting-logbook}):
 * every signed-in role reads; those who work for an organisation write (which collaboration or meeting they may change is
 * the aggregates' to say, answered 404 or 409, which this table counts as let through); admin and viewers write nothing.
 */
class LogbookAccessMatrixIT extends IntegrationTest {

    static final String[] WORKERS = {"coordinator", "centre-staff", "centre-manager", "partner-admin", "partner-member", "caseworker"};

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointLetsThroughExactlyTheRolesItShould() {
        AccessMatrix matrix = AccessMatrix.of("meeting-logbook", mappings).orgs(UUID.randomUUID(), UUID.randomUUID());
        String collaboration = "/api/collaborations/" + UUID.randomUUID();
        String meeting = "/api/meetings/" + UUID.randomUUID();

        matrix.row("GET /api/collaborations").path("/api/collaborations").signedIn();
        matrix.row("GET /api/collaborations/{id}").path(collaboration).signedIn();
        matrix.row("GET /api/meetings/{id}").path(meeting).signedIn();
        matrix.row("GET /api/collaborations/{id}/export.json").path(collaboration + "/export.json").signedIn();
        matrix.row("GET /api/collaborations/{id}/export.pdf").path(collaboration + "/export.pdf").accept("application/pdf").signedIn();
        matrix.row("POST /api/collaborations").path("/api/collaborations").body("{}").allow(WORKERS);
        for (String part : new String[] {"form", "goals", "theory-of-change", "phase", "partners", "meetings"}) {
            matrix.row("POST /api/collaborations/{id}/" + part).path(collaboration + "/" + part).body("{}").allow(WORKERS);
        }
        matrix.row("POST /api/meetings/{id}/agenda").path(meeting + "/agenda").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/room").path(meeting + "/room").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/agenda/{itemId}/finish").path(meeting + "/agenda/a/finish").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/action-items").path(meeting + "/action-items").body("{}").allow(WORKERS);
        matrix.row("POST /api/action-items/{id}/complete").path("/api/action-items/" + UUID.randomUUID() + "/complete").allow(WORKERS);
        matrix.row("POST /api/action-items/{id}/cancel").path("/api/action-items/" + UUID.randomUUID() + "/cancel").body("{}").allow(WORKERS);
        matrix.row("POST /api/feeds").path("/api/feeds").allow(WORKERS);
        matrix.row("GET /api/feeds").path("/api/feeds").allow(WORKERS);
        matrix.row("POST /api/feeds/{id}/revoke").path("/api/feeds/x/revoke").allow(WORKERS);
        // The feed's token is its credential: anyone reaches it, and a wrong token is 404 like any other.
        matrix.row("GET /ical/partners/{partnerId}.ics").path("/ical/partners/x.ics?token=nope").accept("text/calendar").anyone();
        matrix.row("PUT /api/meetings/{id}/attendance/{org}").path(meeting + "/attendance/x").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/proxies").path(meeting + "/proxies").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/votes").path(meeting + "/votes").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/votes/{voteId}/ballots").path(meeting + "/votes/v/ballots").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/votes/{voteId}/totals").path(meeting + "/votes/v/totals").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/votes/{voteId}/close").path(meeting + "/votes/v/close").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/decisions").path(meeting + "/decisions").body("{}").allow(WORKERS);
        matrix.row("PUT /api/meetings/{id}/minutes").path(meeting + "/minutes").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/minutes/circulate").path(meeting + "/minutes/circulate").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/minutes/amendments").path(meeting + "/minutes/amendments").body("{}").allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/minutes/amendments/{amendmentId}/decision").path(meeting + "/minutes/amendments/a/decision").body("{}")
                .allow(WORKERS);
        matrix.row("POST /api/meetings/{id}/minutes/approve").path(meeting + "/minutes/approve").allow(WORKERS);
        for (String endpoint : matrix.endpoints()) {
            if (endpoint.contains("/v3/api-docs") || endpoint.contains("swagger")) {
                matrix.row(endpoint).path(endpoint.substring(endpoint.indexOf(' ') + 1).replace("{group}", "x")).anyone();
            }
        }
        matrix.row("ANY /error").path("/error").anyone();
        matrix.verify("http://127.0.0.1:" + port, ISSUER);
    }
}
