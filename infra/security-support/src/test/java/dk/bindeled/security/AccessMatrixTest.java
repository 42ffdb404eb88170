package dk.bindeled.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.security.app.GuardedApplication;
import dk.bindeled.testsupport.AccessMatrix;
import dk.bindeled.testsupport.TestIssuer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** test-support's AccessMatrix against the small guarded service: complete and right, incomplete, and wrong. */
@SpringBootTest(classes = GuardedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mvc.problemdetails.enabled=true")
class AccessMatrixTest {

    static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    AccessMatrix complete() {
        AccessMatrix matrix = AccessMatrix.of("guarded", mappings).centres("motalavej", "hedemarken");
        matrix.row("GET /open/directory").path("/open/directory").anyone();
        matrix.row("GET /me").path("/me").signedIn();
        matrix.row("GET /me/actor").path("/me/actor").signedIn();
        matrix.row("GET /actor").path("/actor");
        matrix.row("POST /centres/{centre}/approve").path(t -> "/centres/" + t.centre() + "/approve")
                .allow(Roles.ADMIN).allowOwn(Roles.CENTRE_MANAGER);
        matrix.row("POST /partners/{partner}/profile").path(t -> "/partners/" + t.org() + "/profile").allowOwn(Roles.PARTNER_ADMIN);
        matrix.row("POST /admin/projections/replay").path("/admin/projections/replay").allow(Roles.ADMIN);
        matrix.row("ANY /error").path("/error").anyone();
        return matrix;
    }

    @Test
    void aCompleteAndTrueTableIsPrintedAndPasses() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            complete().verify("http://127.0.0.1:" + port, ISSUER);
        } finally {
            System.setOut(out);
        }
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(table).contains("ACCESS MATRIX guarded", "POST /centres/{centre}/approve", "200/403", "401");
    }

    @Test
    void anEndpointWithoutARowFailsTheMatrix() {
        AccessMatrix matrix = AccessMatrix.of("guarded", mappings);
        matrix.row("GET /open/directory").path("/open/directory").anyone();
        assertThatThrownBy(() -> matrix.verify("http://127.0.0.1:" + port, ISSUER))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no row for endpoint POST /partners/{partner}/profile");
    }

    @Test
    void aCellOtherThanTheTableSaysFailsTheMatrix() {
        AccessMatrix matrix = AccessMatrix.of("guarded", mappings);
        matrix.row("GET /open/directory").path("/open/directory").anyone();
        matrix.row("GET /me").path("/me").signedIn();
        matrix.row("GET /me/actor").path("/me/actor").signedIn();
        matrix.row("GET /actor").path("/actor").signedIn(); // wrong: no rule opens it
        matrix.row("POST /centres/{centre}/approve").path(t -> "/centres/" + t.centre() + "/approve").allow(Roles.ADMIN);
        matrix.row("POST /partners/{partner}/profile").path(t -> "/partners/" + t.org() + "/profile").allowOwn(Roles.PARTNER_ADMIN);
        matrix.row("POST /admin/projections/replay").path("/admin/projections/replay").allow(Roles.ADMIN);
        matrix.row("ANY /error").path("/error").anyone();
        assertThatThrownBy(() -> matrix.verify("http://127.0.0.1:" + port, ISSUER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /actor as viewer (own) (GET /actor): expected ALLOWED, got 403")
                // the centre's own manager gets through, which this wrong table did not expect
                .hasMessageContaining("POST /centres/{centre}/approve as centre-manager (own)");
    }
}
