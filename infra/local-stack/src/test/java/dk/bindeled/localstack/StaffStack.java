package dk.bindeled.localstack;

import dk.bindeled.infra.kafka.EmbeddedKraftBroker;
import dk.bindeled.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole deployment for the browser journeys: the packaged identity provider, partner registry, room booking,
 * referrals, meeting logbook, dashboard, staff web app and gateway as child JVMs on their own PostgreSQL databases and a broker of their own, seeded with
 * the local stack's demo data through the services' APIs. The browser reaches everything through the gateway, and signs
 * in at the identity provider, both on 127.0.0.1.
 */
final class StaffStack implements AutoCloseable {

    private final List<ChildService> services = new ArrayList<>();
    final String gateway;
    final String issuer;
    final String registry;
    final String roomBooking;
    final ServiceToken token;
    /** The broker this stack started for itself; none when it is the running local stack's. */
    private dk.bindeled.testsupport.TestKafka broker;

    private StaffStack(String gateway, String issuer, String registry, String roomBooking, ServiceToken token) {
        this.gateway = gateway;
        this.issuer = issuer;
        this.registry = registry;
        this.roomBooking = roomBooking;
        this.token = token;
    }

    /** The local stack on its fixed ports, already running and seeded; closing it leaves it running. */
    static StaffStack running() {
        HttpClient http = HttpClient.newHttpClient();
        return new StaffStack("http://localhost:" + LocalStack.GATEWAY_PORT, LocalStack.ISSUER, "http://127.0.0.1:" + LocalStack.PARTNER_REGISTRY_PORT,
                "http://127.0.0.1:" + LocalStack.ROOM_BOOKING_PORT,
                new ServiceToken(http, URI.create(LocalStack.ISSUER), LocalStack.SEEDER_CLIENT, LocalStack.SEEDER_SECRET, Clock.systemUTC()));
    }

    static StaffStack start(HttpClient http) {
        try {
            return startOrFail(http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StaffStack startOrFail(HttpClient http) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Files.createDirectories(Path.of("target", "journey-logs"));
        // A broker of its own: its services read every topic from the start, and must not read what other suites left.
        dk.bindeled.testsupport.TestKafka broker = TestInfrastructure.newKafka();
        String kafka = broker.bootstrapServers();
        int identityPort = EmbeddedKraftBroker.freePort();
        int registryPort = EmbeddedKraftBroker.freePort();
        int roomBookingPort = EmbeddedKraftBroker.freePort();
        int dashboardPort = EmbeddedKraftBroker.freePort();
        int referralsPort = EmbeddedKraftBroker.freePort();
        int logbookPort = EmbeddedKraftBroker.freePort();
        int staffWebPort = EmbeddedKraftBroker.freePort();
        int gatewayPort = EmbeddedKraftBroker.freePort();
        String issuer = "http://127.0.0.1:" + identityPort;
        String front = "http://127.0.0.1:" + gatewayPort;
        StaffStack stack = new StaffStack(front, issuer, "http://127.0.0.1:" + registryPort, "http://127.0.0.1:" + roomBookingPort,
                new ServiceToken(http, URI.create(issuer), LocalStack.SEEDER_CLIENT, LocalStack.SEEDER_SECRET, Clock.systemUTC()));
        stack.broker = broker;
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> secured = List.of("--bindeled.security.issuer-uri=" + issuer);

        stack.child("identity", identityPort, root, logs, List.of("--server.port=" + identityPort, "--bindeled.identity.issuer=" + issuer,
                "--bindeled.identity.key-dir=" + Files.createTempDirectory("journeys-identity"),
                "--bindeled.identity.web-redirect-uris[0]=" + front + "/app/login/oauth2/code/bindeled",
                "--bindeled.identity.web-post-logout-redirect-uris[0]=" + front + "/app/signed-out"), Map.of());
        stack.withDatabase("partner-registry", registryPort, root, logs, kafka, "journeys_partner_registry", secured);
        stack.withDatabase("room-booking", roomBookingPort, root, logs, kafka, "journeys_room_booking", secured);
        stack.withDatabase("dashboard", dashboardPort, root, logs, kafka, "journeys_dashboard", secured);
        stack.withDatabase("referrals", referralsPort, root, logs, kafka, "journeys_referrals", secured);
        stack.withDatabase("meeting-logbook", logbookPort, root, logs, kafka, "journeys_meeting_logbook", secured);
        stack.child("staff-web", staffWebPort, root, logs, List.of("--server.port=" + staffWebPort,
                "--bindeled.staff-web.issuer=" + issuer,
                "--bindeled.staff-web.services.partner-registry=" + stack.registry,
                "--bindeled.staff-web.services.room-booking=" + stack.roomBooking,
                "--bindeled.staff-web.services.dashboard=http://127.0.0.1:" + dashboardPort,
                "--bindeled.staff-web.services.referrals=http://127.0.0.1:" + referralsPort,
                "--bindeled.staff-web.services.meeting-logbook=http://127.0.0.1:" + logbookPort), Map.of());
        // The browser's writes all come from one address: limits far above what the journeys send, counted apart from any
        // earlier run.
        stack.child("gateway", gatewayPort, root, logs, List.of("--server.port=" + gatewayPort,
                "--bindeled.gateway.routes.partner-registry=" + stack.registry,
                "--bindeled.gateway.routes.room-booking=" + stack.roomBooking,
                "--bindeled.gateway.routes.dashboard=http://127.0.0.1:" + dashboardPort,
                "--bindeled.gateway.routes.referrals=http://127.0.0.1:" + referralsPort,
                "--bindeled.gateway.routes.meeting-logbook=http://127.0.0.1:" + logbookPort,
                "--bindeled.gateway.routes.staff-web=http://127.0.0.1:" + staffWebPort,
                "--bindeled.gateway.rate-limit.namespace=journeys-" + run,
                "--bindeled.gateway.rate-limit.client.replenish-rate=10000",
                "--bindeled.gateway.rate-limit.client.burst-capacity=10000",
                "--bindeled.gateway.rate-limit.address.replenish-rate=10000",
                "--bindeled.gateway.rate-limit.address.burst-capacity=10000"), Map.of());
        try {
            for (ChildService service : stack.services) {
                service.awaitUp(http, Duration.ofSeconds(300), () -> false);
            }
            Path markers = Files.createTempDirectory("journeys-seed");
            DemoData demo = DemoData.load();
            new DemoSeeder(http, URI.create(stack.registry), markers.resolve("partners"), stack.token).seedOnce(demo);
            new BookingSeeder(new JsonHttp(http, URI.create(stack.registry), stack.token),
                    new JsonHttp(http, URI.create(stack.roomBooking), stack.token), markers.resolve("bookings"), Clock.systemUTC(),
                    LocalStack.REPLICA_TIMEOUT).seedOnce(demo);
            new ReferralSeeder(http, URI.create("http://127.0.0.1:" + referralsPort), URI.create(issuer), markers.resolve("referrals"),
                    Clock.systemUTC(), LocalStack.REPLICA_TIMEOUT).seedOnce(demo);
            new LogbookSeeder(http, URI.create("http://127.0.0.1:" + logbookPort), URI.create(issuer), markers.resolve("logbook"),
                    Clock.systemUTC()).seedOnce(demo);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void withDatabase(String name, int port, Path root, Path logs, String kafka, String database, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + kafka));
        args.addAll(extra);
        child(name, port, root, logs, args, Map.of("SPRING_DATASOURCE_URL", TestInfrastructure.newDatabase(database),
                "SPRING_DATASOURCE_USERNAME", TestInfrastructure.databaseUser(),
                "SPRING_DATASOURCE_PASSWORD", TestInfrastructure.databasePassword()));
    }

    private void child(String name, int port, Path root, Path logs, List<String> args, Map<String, String> environment) {
        ChildService service = new ChildService(name, port, EmbeddedKraftBroker.freePort(),
                root.resolve("services/" + name + "/target/" + name + ".jar"), logs.resolve(name + ".log"));
        services.add(service);
        service.start(args, environment);
    }

    @Override
    public void close() {
        ChildService.stopAll(services, Duration.ofSeconds(30));
        if (broker != null) {
            broker.stop();
        }
    }
}
