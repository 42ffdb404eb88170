package dk.bindeled.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped demo file says what the brief says, agrees with the local stack's partners, and bad files are refused. */
class DemoIdentitiesTest {

    private static final List<String> ALL_CENTRES =
            List.of("motalavej", "foreningernes-hus", "hedemarken", "sundheds-og-kvartershuset");

    private static DemoIdentities shipped() {
        InputStream file = DemoIdentitiesTest.class.getResourceAsStream("/demo-identities.json");
        return DemoIdentities.read(file, "demo-identities.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "birgitte | admin                | -                                   | motalavej foreningernes-hus hedemarken sundheds-og-kvartershuset",
            "bente    | centre-manager       | kvarterhusledelsen                  | motalavej",
            "mikkel   | centre-manager       | helhedsplan-foreningernes-hus       | foreningernes-hus",
            "karen    | centre-manager       | hedemarken-bibliotek                | hedemarken",
            "lars     | centre-manager       | himmerland-boligforening            | sundheds-og-kvartershuset",
            "sofie    | centre-staff         | kvarterhusledelsen                  | motalavej",
            "tobias   | centre-staff         | hedemarken-bibliotek                | hedemarken",
            "jonas    | partner-member       | basen                               | -",
            "maja     | caseworker           | familieraadgivningen-albertslund    | hedemarken",
            "louise   | caseworker           | jobcenter-aalborg-oest              | sundheds-og-kvartershuset",
            "peter    | caseworker           | familiekonsulenterne-vesthimmerland | -",
            "leyla    | partner-admin        | cafe-sumak                          | -",
            "hanne    | partner-admin        | lektiehjaelpen                      | -",
            "fatima   | partner-admin        | kvindernes-netvaerk                 | -",
            "marianne | partner-admin        | laegehuset-oest                     | -",
            "ahmed    | partner-member       | cafe-sumak                          | -",
            "sara     | partner-member       | lektiehjaelpen                      | -",
            "nikolaj  | partner-member       | it-cafeen                           | -",
            "amina    | coordinator          | en-faelles-indsats                  | motalavej",
            "ole      | coordinator          | helhedsplan-albertslund             | hedemarken",
            "jesper   | viewer               | -                                   | -"})
    void everyDemoUserHasTheirRolesOrganisationAndCentres(String username, String roles, String org, String centres) {
        DemoUser user = shipped().user(username).orElseThrow();
        assertThat(user.password()).isEqualTo("demo-" + username);
        assertThat(user.identity().subject()).isEqualTo(username);
        assertThat(user.identity().name()).isNotBlank();
        assertThat(user.identity().roles()).extracting(Role::claimValue).containsExactly(roles.split(" "));
        assertThat(user.identity().org().map(Organisation::key).orElse(null)).isEqualTo(org);
        assertThat(user.identity().centres()).containsExactly(centres == null ? new String[0] : centres.split(" "));
    }

    @Test
    void theClientsAreTheBrowserAppTheSeederAndTwoScripts() {
        DemoIdentities identities = shipped();
        DemoClient web = identities.client("bindeled-web").orElseThrow();
        assertThat(web.signsInPeople()).isTrue();
        assertThat(web.grants()).containsExactly(DemoClient.Grant.AUTHORIZATION_CODE, DemoClient.Grant.REFRESH_TOKEN);
        assertThat(web.scopes()).containsExactly("openid", "profile");
        assertThat(web.secret()).isEqualTo("demo-bindeled-web");

        DemoClient seeder = identities.client("local-stack").orElseThrow();
        assertThat(seeder.grants()).containsExactly(DemoClient.Grant.CLIENT_CREDENTIALS);
        assertThat(seeder.identity().roles()).containsExactly(Role.ADMIN, Role.CENTRE_MANAGER);
        assertThat(seeder.identity().centres()).containsExactlyElementsOf(ALL_CENTRES);
        assertThat(seeder.identity().org()).isEmpty();

        DemoClient cafe = identities.client("script-cafe-sumak").orElseThrow();
        assertThat(cafe.identity().roles()).containsExactly(Role.PARTNER_ADMIN);
        assertThat(cafe.identity().org().orElseThrow().partnerId()).isEqualTo(DemoPartnerIds.of("cafe-sumak"));

        DemoClient caseworkers = identities.client("script-familieraadgivningen-albertslund").orElseThrow();
        assertThat(caseworkers.identity().roles()).containsExactly(Role.CASEWORKER);
        assertThat(caseworkers.identity().org().orElseThrow().key()).isEqualTo("familieraadgivningen-albertslund");

        identities.clients().forEach(client -> assertThat(client.secret()).isEqualTo("demo-" + client.clientId()));
    }

    @Test
    void everyOrganisationIsAPartnerOfTheLocalStacksDemoDataWithItsCvr() throws Exception {
        JsonNode demoData = JsonMapper.builder().build().readTree(
                Files.readString(Path.of("../../infra/local-stack/src/main/resources/demo-data.json")));
        Map<String, String> cvrByKey = new HashMap<>();
        demoData.get("partners").forEach(partner -> cvrByKey.put(partner.get("key").asString(),
                partner.get("profile").has("cvr") ? partner.get("profile").get("cvr").asString() : null));
        List<String> centreIds = new java.util.ArrayList<>();
        demoData.get("centres").forEach(centre -> centreIds.add(centre.get("id").asString()));

        DemoIdentities identities = shipped();
        assertThat(identities.centres()).containsExactlyInAnyOrderElementsOf(centreIds);
        identities.users().forEach(user -> user.identity().org().ifPresent(org -> {
            assertThat(cvrByKey).as("org of " + user.username()).containsKey(org.key());
            assertThat(org.cvr()).as("CVR of " + org.key()).isEqualTo(cvrByKey.get(org.key()));
            assertThat(org.partnerId()).isEqualTo(DemoPartnerIds.of(org.key()));
        }));
        assertThat(identities.organisation("lektiehjaelpen").orElseThrow().cvr()).isEqualTo("12972997");
        assertThat(identities.organisation("kvindernes-netvaerk").orElseThrow().cvr()).isEqualTo("93478878");
        assertThat(identities.organisation("laegehuset-oest").orElseThrow().cvr()).isEqualTo("44125242");
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheUserAndTheKnownRoles() {
        assertRefused(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["superuser"]}"""),
                "user 'kim': unknown role 'superuser' (known: admin, centre-manager, centre-staff, caseworker, "
                        + "partner-admin, partner-member, coordinator, viewer)");
    }

    @Test
    void anUnknownOrganisationKeyIsRefused() {
        assertRefused(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["partner-member"], "org": "no-such-partner"}"""),
                "user 'kim': unknown org 'no-such-partner' (not among the file's organisations)");
    }

    @Test
    void aCentreRoleWithoutCentresIsRefused() {
        assertRefused(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["centre-manager"], "org": "basen"}"""),
                "user 'kim': role 'centre-manager' without centres");
        assertRefused(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["centre-staff"], "org": "basen", "centres": []}"""),
                "user 'kim': role 'centre-staff' without centres");
    }

    @Test
    void anAdminNeedsNoCentresButAPartnerRoleNeedsAnOrganisation() {
        DemoIdentities admin = DemoIdentities.read(stream(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["admin", "centre-manager"]}""")), "test");
        assertThat(admin.user("kim").orElseThrow().identity().roles()).containsExactly(Role.ADMIN, Role.CENTRE_MANAGER);
        assertRefused(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["partner-admin"]}"""),
                "user 'kim': role 'partner-admin' without an org");
    }

    @Test
    void unknownCentresFieldsAndDuplicatesAreRefusedAllAtOnce() {
        String json = file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["coordinator"], "centres": ["atlantis"]},
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["viewer"]}""");
        assertThatThrownBy(() -> DemoIdentities.read(stream(json), "test.json"))
                .isInstanceOf(InvalidDemoIdentitiesException.class)
                .hasMessageStartingWith("test.json is invalid:")
                .satisfies(e -> assertThat(((InvalidDemoIdentitiesException) e).problems()).containsExactly(
                        "user 'kim': unknown centre 'atlantis' (known: motalavej, hedemarken)",
                        "user 'kim' listed twice"));
        assertThatThrownBy(() -> DemoIdentities.read(stream(file("""
                {"username": "kim", "password": "demo-kim", "name": "Kim", "roles": ["viewer"], "centers": ["motalavej"]}""")),
                "test.json"))
                .isInstanceOf(InvalidDemoIdentitiesException.class)
                .hasMessageContaining("centers");
    }

    @Test
    void aClientCredentialsClientNeedsRolesAndABrowserClientMayNotHaveAny() {
        assertRefused(file("", """
                {"clientId": "script-x", "secret": "s", "name": "X", "grants": ["client_credentials"]}"""),
                "client 'script-x': no roles");
        assertRefused(file("", """
                {"clientId": "web", "secret": "s", "name": "Web", "grants": ["authorization_code"], "roles": ["admin"]}"""),
                "client 'web': roles, org and centres belong to client_credentials clients only "
                        + "(a browser client's tokens carry the signed-in user's)");
        assertRefused(file("", """
                {"clientId": "script-x", "secret": "s", "name": "X", "grants": ["password"], "roles": ["admin"]}"""),
                "client 'script-x': unknown grant 'password'");
    }

    @Test
    void notJsonIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> DemoIdentities.read(stream("{\"users\": ["), "broken.json"))
                .isInstanceOf(InvalidDemoIdentitiesException.class)
                .hasMessageStartingWith("broken.json is invalid: ");
    }

    private static void assertRefused(String json, String problem) {
        assertThatThrownBy(() -> DemoIdentities.read(stream(json), "test.json"))
                .isInstanceOf(InvalidDemoIdentitiesException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidDemoIdentitiesException) e).problems()).contains(problem));
    }

    /** A small valid file around the given user entries (and client entries), so only they can be wrong. */
    private static String file(String users) {
        return file(users, "");
    }

    private static String file(String users, String clients) {
        String someone = "{\"username\": \"someone\", \"password\": \"demo-someone\", \"name\": \"Someone\", \"roles\": [\"viewer\"]}";
        return """
                {"centres": ["motalavej", "hedemarken"],
                 "organisations": [{"key": "basen", "name": "Basen"}],
                 "users": [%s],
                 "clients": [%s]}""".formatted(users.isBlank() ? someone : users, clients);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
