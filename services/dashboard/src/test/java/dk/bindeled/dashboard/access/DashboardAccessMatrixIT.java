package dk.bindeled.dashboard.access;

import dk.bindeled.dashboard.DashboardIntegrationTest;
import dk.bindeled.testsupport.AccessMatrix;
import dk.bindeled.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint of the dashboard × every role: public information open to anyone, and the mapping of the collaboration for anyone signed in. */
class DashboardAccessMatrixIT extends DashboardIntegrationTest {

    static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int serverPort;

    @Test
    void everyEndpointIsAsTheTableSays() {
        AccessMatrix matrix = AccessMatrix.of("dashboard", mappings).centres("motalavej", "hedemarken");
        matrix.row("GET /huse").path("/huse").accept("text/html").anyone();
        matrix.row("GET /skaerm/{centreId}").path(t -> "/skaerm/" + t.centre()).accept("text/html").anyone();
        matrix.row("GET /api/overview").path("/api/overview").anyone();
        matrix.row("GET /api/stream").path("/api/stream").accept("text/event-stream").anyone();
        matrix.row("GET /api/centres").path("/api/centres").anyone();
        matrix.row("GET /api/centres/{centreId}/today").path(t -> "/api/centres/" + t.centre() + "/today").anyone();
        matrix.row("GET /api/centres/{centreId}/stream").path(t -> "/api/centres/" + t.centre() + "/stream").accept("text/event-stream")
                .anyone();
        matrix.row("GET /api/utilisation").path("/api/utilisation?from=2026-W45&to=2026-W48").anyone();
        matrix.row("GET /api/referrals/flow").path("/api/referrals/flow").anyone();
        // Collaborations are for signed-in callers, as in the logbook.
        matrix.row("GET /api/mapping").path("/api/mapping?from=2026-07&to=2026-12").signedIn();
        matrix.row("GET /api/offers/by-week").path("/api/offers/by-week?from=2026-W45&to=2026-W48").anyone();
        matrix.row("GET /api/centres/{centreId}/utilisation").path(t -> "/api/centres/" + t.centre() + "/utilisation?week=2026-W48")
                .anyone();
        for (String endpoint : matrix.endpoints()) {
            if (endpoint.contains("/v3/api-docs") || endpoint.contains("swagger")) {
                matrix.row(endpoint).path(endpoint.substring(endpoint.indexOf(' ') + 1).replace("{group}", "x")).anyone();
            }
        }
        matrix.row("ANY /error").path("/error").anyone();
        matrix.verify("http://127.0.0.1:" + serverPort, ISSUER);
    }
}
