package dk.bindeled.booking.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.benchmark.DashboardChild.SseTags;
import dk.bindeled.booking.benchmark.HistoryLoad.Loaded;
import dk.bindeled.booking.benchmark.RoomBookingUnderTest.Slots;
import dk.bindeled.testsupport.TestInfrastructure;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Room booking's figures on the machine it runs on, printed as a table (and written to
 * {@code target/benchmark-results.txt}). Not a test: its name matches neither {@code *Test} nor {@code *IT},
 * so {@code verify} never runs it; {@code -Pbenchmark} runs it alone. It asserts only that every measurement
 * ran (every booking confirmed, every push seen, every load complete), never how fast.
 *
 * <ol>
 *   <li>Bookings confirmed per second, spread over 100 resources, from a pool of clients each sending its
 *       next booking when the last is answered.</li>
 *   <li>The same on one hot resource (the bookings queue for its lock). Should a request there go unanswered
 *       for 10 s, the run stops, is repeated with fewer clients than the service has pooled connections (2b),
 *       and the benchmark fails after printing the table.</li>
 *   <li>REST call → confirmed (the 201 of {@code POST /api/bookings}) at a fixed 50 requests/s, open loop.</li>
 *   <li>REST call → the dashboard's SSE push of the booking, with the packaged dashboard as a child JVM.</li>
 *   <li>Loading a resource with 10,000 past bookings, without and with a snapshot.</li>
 *   <li>What the token check and the gateway (its packaged jar as a child JVM, in front of the service) add to a read
 *       and a write at the rate of 3.</li>
 * </ol>
 * The streaming processors (Kafka publisher, calendar projection) run throughout, as in production, and are
 * let catch up between measurements. Sizes can be changed with system properties {@code benchmark.*} (see
 * the constants); {@code benchmark.dashboard-jar} points at another dashboard jar.
 */
class BookingBenchmark {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    static final int RESOURCES = Integer.getInteger("benchmark.resources", 100);
    static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    static final int WARM_UP = Integer.getInteger("benchmark.warmup", 500);
    static final int SPREAD_WARM_UP = Integer.getInteger("benchmark.spread-warmup", 1_000);
    static final int SPREAD = Integer.getInteger("benchmark.spread", 3_000);
    static final int HOT_WARM_UP = Integer.getInteger("benchmark.hot-warmup", 100);
    static final int HOT = Integer.getInteger("benchmark.hot", 1_500);
    static final int RATE = Integer.getInteger("benchmark.rate", 50);
    static final int RATE_SECONDS = Integer.getInteger("benchmark.rate-seconds", 20);
    static final int RATE_WARM_UP_SECONDS = 2;
    static final int SSE_BOOKINGS = Integer.getInteger("benchmark.sse", 200);
    static final int SSE_RATE = Integer.getInteger("benchmark.sse-rate", 10);
    static final int HISTORY = Integer.getInteger("benchmark.history", 10_000);

    /** A request unanswered this long means the service has stalled. */
    static final Duration STALL = Duration.ofSeconds(10);

    static final double TARGET_SPREAD_PER_SECOND = 300;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_LOAD_MS = 20;

    private final Report report = new Report();

    @Test
    void measure() throws Exception {
        Path root = repositoryRoot();
        Path dashboardJar = Path.of(System.getProperty("benchmark.dashboard-jar",
                root.resolve("services/dashboard/target/dashboard.jar").toString()));
        Path gatewayJar = Path.of(System.getProperty("benchmark.gateway-jar",
                root.resolve("services/gateway/target/gateway.jar").toString()));
        long started = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // The dashboard boots while room booking does.
        TestInfrastructure.kafka();
        try (DashboardChild dashboard = DashboardChild.start(dashboardJar, Path.of("target", "benchmark-logs", "dashboard.log"));
             RoomBookingUnderTest service = RoomBookingUnderTest.start();
             ChildJvm gateway = startGateway(gatewayJar, service)) {
            LoadDriver driver = new LoadDriver(service.http);
            Slots slots = new Slots(LocalDate.now(ZONE));
            String centre = service.centre();
            List<String> partners = service.partners(centre, CLIENTS);
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < RESOURCES; i++) {
                rooms.add(service.room(centre, "Lokale " + (i + 1)));
            }
            // Booking i goes to room i mod 100, in that room's next free slot; a client books for a partner of its own.
            Function<String, LoadDriver.Requests> spread = tag -> (i, client) -> {
                String room = rooms.get(i % rooms.size());
                String partner = partners.get(client >= 0 ? client : i % partners.size());
                return service.booking(room, partner, slots.next(room), tag + "-" + i);
            };
            progress("room booking up; centre, %d partners and %d rooms defined", partners.size(), rooms.size());
            dashboard.awaitUp(Duration.ofSeconds(180));
            gateway.awaitUp(Duration.ofSeconds(180));
            progress("dashboard and gateway up");

            // Warm-up, which the dashboard must also have pushed before its latency is measured.
            Samples sse;
            try (SseTags stream = dashboard.openStream()) {
                Samples warmUp = driver.closedLoop("warm-up", WARM_UP, CLIENTS, 201, spread.apply("w"));
                expectAllConfirmed(warmUp, WARM_UP);
                List<String> missing = stream.await(tags("w", WARM_UP), Duration.ofSeconds(120));
                assertThat(missing).as("warm-up bookings the dashboard never pushed (does its jar consume bindeled.booking.v1? "
                        + "rebuild it: ./mvnw -q -DskipTests install)").isEmpty();
                service.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
                progress("warm-up: %d bookings confirmed and pushed by the dashboard", WARM_UP);

                // 4. REST → dashboard SSE push.
                Map<Integer, Long> due = new ConcurrentHashMap<>();
                Samples rest = driver.openLoop("sse-rest", SSE_BOOKINGS, SSE_RATE, 0, 201, spread.apply("s"), due::put);
                expectAllConfirmed(rest, SSE_BOOKINGS);
                missing = stream.await(tags("s", SSE_BOOKINGS), Duration.ofSeconds(30));
                assertThat(missing).as("bookings the dashboard did not push within 30 s").isEmpty();
                sse = new Samples("sse");
                for (int i = 0; i < SSE_BOOKINGS; i++) {
                    sse.record(stream.arrival("s-" + i) - due.get(i));
                }
            }
            dashboard.close();
            service.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
            progress("REST → SSE done; dashboard stopped");

            // 1. Throughput over many resources, after a warm-up of its own (the JIT is still busy a minute in).
            expectAllConfirmed(driver.closedLoop("spread warm-up", SPREAD_WARM_UP, CLIENTS, 201, spread.apply("u")), SPREAD_WARM_UP);
            service.awaitProcessorsCaughtUp(Duration.ofSeconds(120));
            Samples spreadRun = driver.closedLoop("spread", SPREAD, CLIENTS, 201, spread.apply("t"));
            expectAllConfirmed(spreadRun, SPREAD);
            long spreadLag = service.processorLag();
            long spreadDrainMs = service.awaitProcessorsCaughtUp(Duration.ofSeconds(120));
            progress("spread over %d rooms done", RESOURCES);

            // 2. Throughput on one hot resource; if the service stalls, again with fewer clients than pooled connections.
            HotRun hotRun = hot(service, driver, centre, partners, slots, CLIENTS);
            HotRun hotFewer = null;
            int poolSize = service.context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
            if (hotRun.stalled()) {
                progress("one hot resource with %d clients stalled after %d bookings; waiting for the service to recover",
                        CLIENTS, hotRun.confirmed());
                RoomBookingUnderTest.Answer probe = service.send(HttpRequest.newBuilder(
                        service.booking(hotRun.room(), partners.get(0), slots.next(hotRun.room()), "probe-0"), (h, v) -> true)
                        .timeout(Duration.ofSeconds(120)).build());
                assertThat(probe.status()).as("a booking after the stall: " + probe.body()).isEqualTo(201);
                service.awaitProcessorsCaughtUp(Duration.ofSeconds(120));
                hotFewer = hot(service, driver, centre, partners, slots, Math.min(CLIENTS, Math.max(1, poolSize - 2)));
                expectAllConfirmed(hotFewer.samples(), HOT);
            } else {
                expectAllConfirmed(hotRun.samples(), HOT);
            }
            service.awaitProcessorsCaughtUp(Duration.ofSeconds(120));
            progress("one hot resource done");

            // 3. Latency at a fixed rate.
            int warmUpRequests = RATE * RATE_WARM_UP_SECONDS;
            Samples rate = driver.openLoop("rate", warmUpRequests + RATE * RATE_SECONDS, RATE, warmUpRequests, 201,
                    spread.apply("r"), (i, at) -> { });
            expectAllConfirmed(rate, RATE * RATE_SECONDS);
            service.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
            progress("%d requests/s done", RATE);

            // 6. What the gateway and the token check add: the same requests at the same rate, with and without them.
            String centrePath = "/api/centres/" + centre;
            // The gateway has idled until now: its JIT warms up on reads and writes first, as room booking's did.
            Samples gatewayWarmUp = driver.closedLoop("gateway warm-up", WARM_UP, CLIENTS, 200,
                    (i, c) -> RoomBookingUnderTest.via(gateway.base, "/booking", service.get(centrePath, true)));
            expectAllConfirmed(gatewayWarmUp, WARM_UP);
            LoadDriver.Requests warmUpWrites = spread.apply("x");
            expectAllConfirmed(driver.closedLoop("gateway write warm-up", WARM_UP, CLIENTS, 201,
                    (i, c) -> RoomBookingUnderTest.via(gateway.base, "/booking", warmUpWrites.make(i, c))), WARM_UP);
            Samples readAnonymous = steady(driver, "read, anonymous", 200, (i, c) -> service.get(centrePath, false));
            Samples readSigned = steady(driver, "read, token", 200, (i, c) -> service.get(centrePath, true));
            Samples readGateway = steady(driver, "read, gateway", 200,
                    (i, c) -> RoomBookingUnderTest.via(gateway.base, "/booking", service.get(centrePath, true)));
            LoadDriver.Requests direct = spread.apply("d");
            LoadDriver.Requests viaGateway = spread.apply("g");
            Samples writeDirect = steady(driver, "write, direct", 201, direct);
            Samples writeGateway = steady(driver, "write, gateway", 201,
                    (i, c) -> RoomBookingUnderTest.via(gateway.base, "/booking", viaGateway.make(i, c)));
            service.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
            progress("gateway and token checks done");

            // 5. Loading a resource with a long history. Nothing else runs meanwhile: the streaming processors stop.
            service.stopStreamingProcessors();
            HistoryLoad history = new HistoryLoad(service);
            long seedStart = System.nanoTime();
            String old = history.seed(centre, HISTORY, ZONE);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            progress("history of %d bookings stored", HISTORY);
            Samples raw = new Samples("raw read");
            long events = 0;
            for (int i = 0; i < 5; i++) {
                events = history.readRaw(old, raw);
            }
            assertThat(events).as("events read back").isEqualTo(2L * HISTORY + 1);
            Samples deserialized = new Samples("deserialized read");
            for (int i = 0; i < 5; i++) {
                assertThat(history.readDeserialized(old, deserialized)).isEqualTo(events);
            }
            Samples withoutSnapshot = new Samples("no snapshot");
            Loaded full = history.measure(old, withoutSnapshot, 3, 50, Duration.ofSeconds(20));
            progress("loads without a snapshot done");
            double snapshotMs = history.snapshot(old);
            long snapshotBytes = history.snapshotBytes(old);
            assertThat(snapshotBytes).as("snapshot stored").isPositive();
            Samples withSnapshot = new Samples("snapshot");
            Loaded fromSnapshot = history.measure(old, withSnapshot, 50, 1_000, Duration.ofSeconds(10));
            assertThat(full.version()).as("last sequence number loaded").isEqualTo(2L * HISTORY);
            assertThat(fromSnapshot).as("state loaded from the snapshot").isEqualTo(full);

            // ------------------------------------------------------------------ the table
            report.header(service.postgres(), service.context.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)
                    .getClass().getSimpleName(), loadBefore);
            report.row("1", String.format(Locale.ROOT, "Bookings confirmed/s, spread over %d resources", RESOURCES),
                    String.format(Locale.ROOT, "%.0f /s", spreadRun.perSecond()),
                    "≥ " + (int) TARGET_SPREAD_PER_SECOND + " /s", spreadRun.perSecond() >= TARGET_SPREAD_PER_SECOND);
            report.detail(String.format(Locale.ROOT, "%d bookings in %.1f s from %d clients (closed loop, after %d warm-up); "
                    + "response %s", SPREAD, spreadRun.seconds(), CLIENTS, SPREAD_WARM_UP, spreadRun.latencies()));
            report.detail(spreadRun.cpu());
            report.detail(String.format(Locale.ROOT, "Event processors (Kafka publisher, calendar projection) up to %d events behind at the end; all caught up %.1f s later",
                    spreadLag, spreadDrainMs / 1000.0));
            hotRow("2", hotRun, poolSize);
            if (hotFewer != null) {
                hotRow("2b", hotFewer, poolSize);
            }
            report.row("3", String.format(Locale.ROOT, "REST → confirmed at %d requests/s, p50", RATE),
                    ms(rate.percentileMs(50)), "–", null);
            report.row("", "                                    p99", ms(rate.percentileMs(99)),
                    "≤ " + (int) TARGET_P99_MS + " ms", rate.percentileMs(99) <= TARGET_P99_MS);
            report.detail(String.format(Locale.ROOT, "%d requests over %d s, open loop, timed from when each was due "
                    + "(after %d s warm-up); max %s", rate.count(), RATE_SECONDS, RATE_WARM_UP_SECONDS, ms(rate.maxMs())));
            report.detail(rate.cpu());
            report.row("4", "REST → dashboard SSE push, p50", ms(sse.percentileMs(50)), "–", null);
            report.row("", "                           p99", ms(sse.percentileMs(99)), "–", null);
            report.detail(String.format(Locale.ROOT, "%d bookings at %d/s, open loop; max %s. Path: command → event store → "
                    + "Kafka publisher → broker → dashboard projection → SSE", SSE_BOOKINGS, SSE_RATE, ms(sse.maxMs())));
            report.row("5a", String.format(Locale.ROOT, "Load resource, %,d past bookings, no snapshot, median", HISTORY),
                    ms(withoutSnapshot.percentileMs(50)), "–", null);
            report.row("", "                                                  p99", ms(withoutSnapshot.percentileMs(99)),
                    "–", null);
            report.detail(String.format(Locale.ROOT, "%,d loads of %,d events each. Of a load, reading the rows from PostgreSQL "
                    + "takes %s, and deserializing", withoutSnapshot.count(), events, ms(raw.percentileMs(50))));
            report.detail(String.format(Locale.ROOT, "the events %s more (medians); the rest is applying them to the schedule",
                    ms(deserialized.percentileMs(50) - raw.percentileMs(50))));
            report.row("5b", "Load the same resource with a snapshot, median", ms(withSnapshot.percentileMs(50)), "–", null);
            report.row("", "                                       p99", ms(withSnapshot.percentileMs(99)),
                    "≤ " + (int) TARGET_LOAD_MS + " ms", withSnapshot.percentileMs(99) <= TARGET_LOAD_MS);
            report.detail(String.format(Locale.ROOT, "%,d loads; snapshot %,d bytes holding %d bookings, taken in %s; "
                    + "history stored in %.1f s", withSnapshot.count(), snapshotBytes, fromSnapshot.heldBookings(),
                    ms(snapshotMs), seedSeconds));
            report.row("6a", "Token check (RS256 JWT): GET centre with a token − without, p50",
                    ms(readSigned.percentileMs(50) - readAnonymous.percentileMs(50)), "–", null);
            report.row("", "                                                    p99",
                    ms(readSigned.percentileMs(99) - readAnonymous.percentileMs(99)), "–", null);
            report.detail(String.format(Locale.ROOT, "without: p50 %s, p99 %s; with: p50 %s, p99 %s",
                    ms(readAnonymous.percentileMs(50)), ms(readAnonymous.percentileMs(99)),
                    ms(readSigned.percentileMs(50)), ms(readSigned.percentileMs(99))));
            report.row("6b", "Gateway on a read: GET centre through it − direct, p50",
                    ms(readGateway.percentileMs(50) - readSigned.percentileMs(50)), "–", null);
            report.row("", "                                               p99",
                    ms(readGateway.percentileMs(99) - readSigned.percentileMs(99)), "–", null);
            report.detail(String.format(Locale.ROOT, "through the gateway: p50 %s, p99 %s (both with the token)",
                    ms(readGateway.percentileMs(50)), ms(readGateway.percentileMs(99))));
            report.row("6c", "Gateway on a write: POST booking through it − direct, p50",
                    ms(writeGateway.percentileMs(50) - writeDirect.percentileMs(50)), "–", null);
            report.row("", "                                                  p99",
                    ms(writeGateway.percentileMs(99) - writeDirect.percentileMs(99)), "–", null);
            report.detail(String.format(Locale.ROOT, "direct: p50 %s, p99 %s; through the gateway: p50 %s, p99 %s (its Redis rate "
                    + "limiter consulted on every write, limits raised so that", ms(writeDirect.percentileMs(50)),
                    ms(writeDirect.percentileMs(99)), ms(writeGateway.percentileMs(50)), ms(writeGateway.percentileMs(99))));
            report.detail(String.format(Locale.ROOT, "none refuses). Each row: %d requests at %d/s, open loop, after %d s warm-up; the gateway "
                    + "(packaged jar, child JVM, -Xmx256m)", RATE * RATE_SECONDS, RATE, RATE_WARM_UP_SECONDS));
            report.detail(String.format(Locale.ROOT, "warmed up first by %d reads and %d writes through it, %d clients, closed loop",
                    WARM_UP, WARM_UP, CLIENTS));
            report.footer((System.nanoTime() - started) / 1e9);
            report.print(Path.of("target", "benchmark-results.txt"));
            assertThat(hotRun.stalled()).as("one hot resource with " + CLIENTS + " clients stalled: see the table").isFalse();
        }
    }

    /** Requests at the fixed rate of measurement 3, open loop, after its warm-up; every answer must be {@code status}. */
    private static Samples steady(LoadDriver driver, String name, int status, LoadDriver.Requests requests) throws Exception {
        int warmUpRequests = RATE * RATE_WARM_UP_SECONDS;
        Samples samples = driver.openLoop(name, warmUpRequests + RATE * RATE_SECONDS, RATE, warmUpRequests, status, requests,
                (i, at) -> { });
        expectAllConfirmed(samples, RATE * RATE_SECONDS);
        return samples;
    }

    /**
     * The packaged gateway in front of instance A only (the other routes lead nowhere: nothing here calls them), its
     * write limits raised far above the benchmark's rate in a namespace of its own, so its Redis is asked and never refuses.
     */
    private static ChildJvm startGateway(Path jar, RoomBookingUnderTest service) throws java.io.IOException {
        String nowhere = "http://127.0.0.1:9";
        List<String> arguments = new ArrayList<>(List.of(
                "--bindeled.gateway.routes.room-booking=" + service.base,
                "--bindeled.gateway.routes.partner-registry=" + nowhere,
                "--bindeled.gateway.routes.dashboard=" + nowhere,
                "--bindeled.gateway.rate-limit.namespace=benchmark-" + java.util.UUID.randomUUID()));
        for (String limit : List.of("client", "address")) {
            arguments.add("--bindeled.gateway.rate-limit." + limit + ".replenish-rate=100000");
            arguments.add("--bindeled.gateway.rate-limit." + limit + ".burst-capacity=100000");
        }
        return ChildJvm.start("gateway", jar, Path.of("target", "benchmark-logs", "gateway.log"), arguments, Map.of());
    }

    /** A hot-resource run: its room, what was measured, and whether a request went unanswered (then it stopped). */
    private record HotRun(String room, int clients, Samples samples, boolean stalled, int confirmed) {
    }

    private HotRun hot(RoomBookingUnderTest service, LoadDriver driver, String centre, List<String> partners, Slots slots,
                       int clients) throws Exception {
        String room = service.room(centre, "Salen " + clients);
        LoadDriver.Requests onHot = (i, client) -> service.booking(room, partners.get(client), slots.next(room), "h-" + i);
        Samples warmUp = driver.closedLoop("hot warm-up", HOT_WARM_UP, clients, 201, onHot, STALL, true);
        if (warmUp.count() < HOT_WARM_UP) {
            return new HotRun(room, clients, warmUp, true, warmUp.count());
        }
        Samples run = driver.closedLoop("hot", HOT, clients, 201, (i, client) -> onHot.make(HOT_WARM_UP + i, client), STALL, true);
        progress("one hot resource, %d clients: %d confirmed", clients, run.count());
        return new HotRun(room, clients, run, run.count() < HOT, HOT_WARM_UP + run.count());
    }

    private void hotRow(String number, HotRun run, int poolSize) {
        String what = String.format(Locale.ROOT, "Bookings confirmed/s, one hot resource, %d clients", run.clients());
        if (run.stalled()) {
            report.row(number, what, "STALLED", "–", null);
            report.detail(String.format(Locale.ROOT, "after %d bookings a request had no answer within %d s (answers %s). Cause "
                    + "seen in thread dumps: the", run.confirmed(), STALL.toSeconds(), run.samples().statuses()));
            report.detail(String.format(Locale.ROOT, "snapshot is taken in the committing thread while it holds the resource's "
                    + "lock, and waits for one of the %d pooled", poolSize));
            report.detail("connections, all held by requests queued for that lock (until Hikari's 30 s connection timeout).");
        } else {
            report.row(number, what, String.format(Locale.ROOT, "%.0f /s", run.samples().perSecond()), "–", null);
            report.detail(String.format(Locale.ROOT, "%d bookings in %.1f s (after %d warm-up); response %s",
                    HOT, run.samples().seconds(), HOT_WARM_UP, run.samples().latencies()));
            report.detail(run.samples().cpu());
        }
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[benchmark %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
    }

    private static List<String> tags(String prefix, int count) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(prefix + "-" + i);
        }
        return tags;
    }

    private static void expectAllConfirmed(Samples samples, int count) {
        assertThat(samples.count()).as(samples.name() + ": bookings confirmed (answers " + samples.statuses() + ", e.g. "
                + samples.unexpected() + ")").isEqualTo(count);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("services")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir.getParent().getParent();
    }

    /** The printed table. */
    private static final class Report {

        private static final String LINE = "-".repeat(118);
        private final List<String> lines = new ArrayList<>();

        void header(String postgres, String storageEngine, double loadBefore) throws Exception {
            Runtime runtime = Runtime.getRuntime();
            lines.add("");
            lines.add("=".repeat(118));
            lines.add("Room booking benchmark, " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                    + InetAddress.getLocalHost().getHostName());
            lines.add(String.format(Locale.ROOT, "Machine: %d cores, %s %s, %s %s; load average before the run %.2f",
                    runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    System.getProperty("os.name"), System.getProperty("os.arch"), loadBefore));
            lines.add(String.format(Locale.ROOT, "This JVM (room booking, load clients, Kafka broker): max heap %d MB, GC %s",
                    runtime.maxMemory() / (1024 * 1024), gcs()));
            lines.add("PostgreSQL: " + postgres + ", events through Axon's " + storageEngine + ". Dashboard and gateway: their packaged jars as child JVMs, -Xmx256m -XX:+UseSerialGC.");
            lines.add(LINE);
            lines.add(String.format(Locale.ROOT, "%-3s %-62s %14s %12s  %s", "#", "Measurement", "Result", "Target", ""));
            lines.add(LINE);
        }

        private static String gcs() {
            return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        }

        void row(String number, String what, String result, String target, Boolean met) {
            lines.add(String.format(Locale.ROOT, "%-3s %-62s %14s %12s  %s", number, what, result, target,
                    met == null ? "" : met ? "MET" : "MISSED"));
        }

        void detail(String text) {
            if (text.isEmpty()) {
                return;
            }
            lines.add("      " + text);
        }

        void footer(double seconds) {
            lines.add(LINE);
            lines.add(String.format(Locale.ROOT, "Targets are for 2 cores. Timing is never asserted. Whole run %.0f s.", seconds));
            lines.add("=".repeat(118));
            lines.add("");
        }

        void print(Path file) throws Exception {
            String text = String.join(System.lineSeparator(), lines);
            System.out.println(text);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
