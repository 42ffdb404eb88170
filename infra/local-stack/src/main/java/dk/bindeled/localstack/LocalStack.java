package dk.bindeled.localstack;

import dk.bindeled.infra.kafka.EmbeddedKraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command local run: an in-process KRaft broker, every service as a child JVM, demo data seeded
 * once. Run from the repository root after {@code ./mvnw -q -DskipTests package}; everything it keeps
 * lives under {@code ./data} (delete that directory to start afresh).
 *
 * <p>Environment: {@code BINDELED_DB=postgres} puts the services on PostgreSQL instead of H2 files
 * ({@code BINDELED_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}; {@code BINDELED_PG_USER},
 * default {@code postgres}; {@code BINDELED_PG_PASSWORD}, default empty); {@code BINDELED_START_TIMEOUT}
 * is how many seconds a service may take to report UP (default 300: five JVMs warm up at once on two cores).
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** Stack traces go to data/logs/local-stack.log only; the console gets the message. */
    private static final Logger DETAILS = LoggerFactory.getLogger("dk.bindeled.localstack.details");

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int PARTNER_REGISTRY_PORT = 8081;
    static final int ROOM_BOOKING_PORT = 8082;
    static final int REFERRALS_PORT = 8083;
    static final int MEETING_LOGBOOK_PORT = 8084;
    static final int DASHBOARD_PORT = 8085;
    static final int STAFF_WEB_PORT = 8086;
    static final int IDENTITY_PORT = 8089;
    static final int GATEWAY_PORT = 8080;
    static final String ISSUER = "http://localhost:" + IDENTITY_PORT;
    /** The seeders' client of the identity provider (client credentials, role admin): demo-identities.json. */
    static final String SEEDER_CLIENT = "local-stack";
    static final String SEEDER_SECRET = "demo-local-stack";
    /** Services without a database of their own. */
    private static final java.util.Set<String> STATELESS = java.util.Set.of("identity", "gateway", "staff-web");
    /** How long the booking seeder waits for room-booking to learn the demo partners from Kafka. */
    static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path data;
    private final Duration startTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ChildService> services = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private EmbeddedKraftBroker broker;

    LocalStack(Path root, Path data, Duration startTimeout) {
        this.root = root;
        this.data = data;
        this.startTimeout = startTimeout;
    }

    public static void main(String[] args) {
        Path data = Path.of("data").toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(locateRoot(), data, Duration.ofSeconds(Long.parseLong(env("BINDELED_START_TIMEOUT", "300"))));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.stopping) {
                return;
            }
            LOG.error("\nThe local stack did not start: {}\n", describe(e));
            DETAILS.error("Startup failed", e);
            System.exit(1);
        }
        stack.runUntilStopped();
    }

    void start() {
        createDirectories(data.resolve("logs"));
        // Identity first: the others fetch its keys (lazily) and the seeders need its tokens; the gateway last.
        services.add(new ChildService("identity", IDENTITY_PORT, jar("identity"), data.resolve("logs/identity.log")));
        services.add(new ChildService("partner-registry", PARTNER_REGISTRY_PORT, jar("partner-registry"), data.resolve("logs/partner-registry.log")));
        services.add(new ChildService("room-booking", ROOM_BOOKING_PORT, jar("room-booking"), data.resolve("logs/room-booking.log")));
        services.add(new ChildService("referrals", REFERRALS_PORT, jar("referrals"), data.resolve("logs/referrals.log")));
        services.add(new ChildService("meeting-logbook", MEETING_LOGBOOK_PORT, jar("meeting-logbook"), data.resolve("logs/meeting-logbook.log")));
        services.add(new ChildService("dashboard", DASHBOARD_PORT, jar("dashboard"), data.resolve("logs/dashboard.log")));
        services.add(new ChildService("staff-web", STAFF_WEB_PORT, jar("staff-web"), data.resolve("logs/staff-web.log")));
        services.add(new ChildService("gateway", GATEWAY_PORT, jar("gateway"), data.resolve("logs/gateway.log")));
        requireFreePorts();

        LOG.info("Starting Kafka (KRaft) on 127.0.0.1:{} with data in {}", KAFKA_PORT, data.resolve("kafka"));
        // Assigned before start() so a Ctrl-C during startup still stops it (start and stop share a monitor).
        broker = new EmbeddedKraftBroker(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        broker.start();
        if (stopping) {
            throw new IllegalStateException("stopped during startup");
        }

        Map<String, Map<String, String>> datasources = datasources();
        for (ChildService service : services) {
            LOG.info("Starting {} on port {} (log: {})", service.name(), service.port(), display(service.log()));
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=" + service.port(),
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--bindeled.security.issuer-uri=" + ISSUER));
            if (service.name().equals("staff-web")) {
                args.add("--bindeled.staff-web.issuer=" + ISSUER);
            }
            if (service.name().equals("identity")) {
                args.add("--bindeled.identity.issuer=" + ISSUER);
                args.add("--bindeled.identity.key-dir=" + data.resolve("identity"));
            }
            synchronized (lifecycle) {
                // Never launch a child after the shutdown hook has stopped the others: it would outlive us.
                if (stopping) {
                    throw new IllegalStateException("stopped during startup");
                }
                service.start(args, datasources.getOrDefault(service.name(), Map.of()));
            }
        }
        // Started together and awaited one by one: the JVMs warm up in parallel, which roughly halves the wait.
        for (ChildService service : services) {
            service.awaitUp(http, startTimeout, () -> stopping);
            LOG.info("{} is UP", service.name());
        }

        DemoData demo = DemoData.load();
        URI registry = URI.create("http://127.0.0.1:" + PARTNER_REGISTRY_PORT);
        ServiceToken token = new ServiceToken(http, URI.create(ISSUER), SEEDER_CLIENT, SEEDER_SECRET, Clock.systemUTC());
        new DemoSeeder(http, registry, data.resolve("demo-data.seeded"), token).seedOnce(demo);
        // Its own marker: a stack seeded before room-booking existed gets the bookings on its next start.
        new BookingSeeder(new JsonHttp(http, registry, token), new JsonHttp(http, URI.create("http://127.0.0.1:" + ROOM_BOOKING_PORT), token),
                data.resolve("demo-bookings.seeded"), Clock.systemUTC(), REPLICA_TIMEOUT).seedOnce(demo);
        new ReferralSeeder(http, URI.create("http://127.0.0.1:" + REFERRALS_PORT), URI.create(ISSUER), data.resolve("demo-referrals.seeded"),
                Clock.systemUTC(), REPLICA_TIMEOUT).seedOnce(demo);
        new LogbookSeeder(http, URI.create("http://127.0.0.1:" + MEETING_LOGBOOK_PORT), URI.create(ISSUER), data.resolve("demo-logbook.seeded"),
                Clock.systemUTC()).seedOnce(demo);

        printUrls(demo);
        printMemory();
    }

    void runUntilStopped() {
        while (!stopping) {
            for (ChildService service : services) {
                if (!stopping && service.newlyExited()) {
                    LOG.warn("{} stopped on its own (exit code {}); see {}", service.name(), service.exitCode(), service.log());
                }
            }
            try {
                if (stopped.await(2, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Children first (they still talk to Kafka while they shut down), then the broker. */
    void stop() {
        synchronized (lifecycle) {
            stopping = true;
        }
        boolean children = services.stream().anyMatch(ChildService::started);
        if (children) {
            LOG.info("\nStopping the services ...");
        }
        ChildService.stopAll(services, Duration.ofSeconds(30));
        if (broker != null) {
            LOG.info("Stopping Kafka ...");
            broker.stop();
        }
        if (children || broker != null) {
            LOG.info("Stopped. Data kept in {}", data);
        }
        stopped.countDown();
    }

    private Map<String, Map<String, String>> datasources() {
        if (!"postgres".equalsIgnoreCase(env("BINDELED_DB", "h2"))) {
            LOG.info("Databases: H2 files under {} (set BINDELED_DB=postgres for PostgreSQL)", data);
            return Map.of();
        }
        Databases databases = new Databases(env("BINDELED_PG_URL", "jdbc:postgresql://127.0.0.1:5432/"),
                env("BINDELED_PG_USER", "postgres"), env("BINDELED_PG_PASSWORD", ""));
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (ChildService service : services) {
            if (STATELESS.contains(service.name())) {
                continue;
            }
            String name = "bindeled_" + service.name().replace('-', '_');
            String url = databases.ensure(name);
            LOG.info("Database of {}: {}", service.name(), url);
            // Environment rather than arguments, so the password does not show in ps.
            result.put(service.name(), Map.of(
                    "SPRING_DATASOURCE_URL", url,
                    "SPRING_DATASOURCE_USERNAME", databases.user(),
                    "SPRING_DATASOURCE_PASSWORD", databases.password()));
        }
        return result;
    }

    private void printUrls(DemoData demo) {
        String gateway = "http://localhost:" + GATEWAY_PORT;
        StringBuilder screens = new StringBuilder();
        for (DemoData.Centre centre : demo.centres()) {
            screens.append(screens.isEmpty() ? "  Info screens         " : "                       ")
                    .append(String.format("%s/dashboard/skaerm/%s  (%s)%n", gateway, centre.id(), centre.name()));
        }
        LOG.info("""

                Bindeled is running. Everything goes through the gateway at {}:
                  Staff web app        {}/app/  (sign in as a demo user below)
                  Dashboard            {}/dashboard/
                  Centres and rooms    {}/dashboard/huse
                {}  Partner registry     {}/registry/api/directory  (API docs: http://localhost:{}/swagger-ui.html)
                  HSDS export          {}/hsds/organizations  (open data, no sign-in)
                  Room booking         {}/booking/api/centres  (API docs: http://localhost:{}/swagger-ui.html)
                  Referrals            {}/referrals/api/referrals  (API docs: http://localhost:{}/swagger-ui.html; in the app: Henvisninger)
                  Meeting logbook      {}/logbook/api/collaborations  (API docs: http://localhost:{}/swagger-ui.html)
                  Sign-in (dev OIDC)   {}  (discovery: {}/.well-known/openid-configuration)
                  Prometheus metrics   http://localhost:<port + 1000>/actuator/prometheus of each service
                  Kafka                {}
                  Data                 {}  (delete it to start afresh)
                  Logs                 {}
                A token for scripts (client credentials), then a call through the gateway:
                  TOKEN=$(curl -s -u script-cafe-sumak:demo-script-cafe-sumak -d grant_type=client_credentials \\
                          {}/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -H "Authorization: Bearer $TOKEN" {}/booking/api/centres/motalavej
                Demo users (development only; sign in at {}/login):
                {}Press Ctrl-C to stop.
                """, gateway, gateway, gateway, gateway, screens, gateway, PARTNER_REGISTRY_PORT, gateway, gateway, ROOM_BOOKING_PORT,
                gateway, REFERRALS_PORT, gateway, MEETING_LOGBOOK_PORT, ISSUER, ISSUER, broker.bootstrapServers(), data, data.resolve("logs"), ISSUER, gateway, ISSUER,
                DemoUsers.load(root).table());
    }

    private void printMemory() {
        List<Memory.Usage> usages = new ArrayList<>();
        usages.add(Memory.of("local-stack + Kafka", ProcessHandle.current().pid()));
        for (ChildService service : services) {
            usages.add(Memory.of(service.name(), service.pid()));
        }
        LOG.info(Memory.report(usages));
    }

    private Path jar(String service) {
        Path jar = root.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist. Build first, from " + root + ": ./mvnw -q -DskipTests package");
        }
        return jar;
    }

    private void requireFreePorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(KAFKA_PORT, "Kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "the Kafka controller");
        services.forEach(s -> ports.put(s.port(), s.name()));
        List<String> taken = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (!free(port)) {
                taken.add(port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port(s) already in use: " + String.join(", ", taken)
                    + ". Is another local stack still running? Stop it first (find it with: ss -ltnp).");
        }
    }

    private static boolean free(int port) {
        // A wildcard bind also fails when something listens on the port on one address only.
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The repository root: the working directory when it holds {@code services/}, else three levels above
     * {@code infra/local-stack/target/local-stack.jar}, so the launcher also works from another directory
     * (its {@code ./data} then lives there).
     */
    static Path locateRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("services"))) {
            return cwd;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jarDir = Path.of(classPath).toAbsolutePath().normalize().getParent();
            if (jarDir != null && jarDir.getParent() != null && jarDir.getParent().getParent() != null) {
                Path root = jarDir.getParent().getParent().getParent();
                if (root != null && Files.isDirectory(root.resolve("services"))) {
                    return root;
                }
            }
        }
        return cwd;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n  caused by: ").append(cause);
        }
        return text.toString();
    }

    /** Relative to the working directory when inside it, as the user will type it. */
    private static Path display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path) : path;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
