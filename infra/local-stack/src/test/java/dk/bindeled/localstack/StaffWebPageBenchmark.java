package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the staff web app's page times on the demo data, printed as a table (and written to
 * {@code target/benchmark-results.txt}). Runs only with {@code -Pbenchmark}. The whole stack as in the journeys; people
 * sign in through the real OIDC flow; each page is asked for {@code benchmark.warmup} times, then {@code benchmark.rounds}
 * times, one at a time. The figure is the app's own time for the page, service calls included ({@code Server-Timing}),
 * beside the time the client saw through the gateway. Target: p95 under 150 ms. Timing is never asserted; the run fails
 * only when a page does not answer 200.
 */
class StaffWebPageBenchmark {

    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 20);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 100);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");

    @Test
    void pageTimes() throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (StaffStack stack = StaffStack.start(plain)) {
            LocalDate thursday = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
            Map<String, List<String>> pages = new LinkedHashMap<>();
            pages.put("ahmed", List.of("/app/", "/app/huse", "/app/huse/motalavej?dato=" + thursday,
                    "/app/huse/motalavej?visning=uge&dato=" + thursday, "/app/lokaler/motalavej-salen?dato=" + thursday,
                    "/app/ledige?hus=motalavej&dato=" + thursday + "&fra=13:00&til=15:00&deltagere=12",
                    "/app/book?lokale=motalavej-moedelokalet&dato=" + thursday + "&fra=13:00&til=15:00&deltagere=12",
                    "/app/aktoerer", "/app/aktoerer?sektor=THIRD_SECTOR&maalgruppe=CHILDREN", "/app/min-organisation",
                    "/app/kalenderlinks", "/app/lokaler/motalavej-salen/venteliste"));
            pages.put("bente", List.of("/app/", "/app/godkendelser", "/app/overblik", "/app/overblik/data?hus=motalavej"));

            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "%-78s %8s %8s %8s %10s %10s", "page (user)", "app p50", "app p95", "app max",
                    "client p50", "client p95"));
            for (Map.Entry<String, List<String>> user : pages.entrySet()) {
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
                signIn(browser, stack.gateway, user.getKey());
                for (String page : user.getValue()) {
                    List<Double> app = new ArrayList<>();
                    List<Double> client = new ArrayList<>();
                    for (int i = 0; i < WARMUP + ROUNDS; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = browser.send(get(stack.gateway + page), HttpResponse.BodyHandlers.ofString());
                        double took = (System.nanoTime() - start) / 1e6;
                        assertThat(response.statusCode()).as(page + " for " + user.getKey()).isEqualTo(200);
                        if (i >= WARMUP) {
                            Matcher timing = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                            assertThat(timing.find()).as("Server-Timing of " + page).isTrue();
                            app.add(Double.parseDouble(timing.group(1)));
                            client.add(took);
                        }
                    }
                    lines.add(String.format(Locale.ROOT, "%-78s %8.1f %8.1f %8.1f %10.1f %10.1f", abbreviate(page) + " (" + user.getKey() + ")",
                            percentile(app, 50), percentile(app, 95), percentile(app, 100), percentile(client, 50), percentile(client, 95)));
                }
            }
            String table = "STAFF WEB PAGE TIMES (ms; " + ROUNDS + " requests each after " + WARMUP + " warm-up, one at a time; "
                    + Runtime.getRuntime().availableProcessors() + " cores; target: app p95 < 150 ms)\n" + String.join("\n", lines);
            System.out.println(table);
            Files.writeString(Path.of("target", "benchmark-results.txt"), table + "\n", StandardCharsets.UTF_8);
        }
    }

    /** The authorization code flow as a browser goes through it: the app → the provider's sign-in page → back with a code. */
    static void signIn(HttpClient browser, String gateway, String username) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(get(gateway + "/app/"), HttpResponse.BodyHandlers.ofString());
        String loginPage = null;
        for (int hops = 0; hops < 10 && response.statusCode() == 302; hops++) {
            String next = URI.create(response.request().uri().toString()).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
            response = browser.send(get(next), HttpResponse.BodyHandlers.ofString());
            if (next.endsWith("/login")) {
                loginPage = next;
            }
        }
        assertThat(loginPage).as("the provider's sign-in page").isNotNull();
        Matcher csrf = CSRF.matcher(response.body());
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + encode(username) + "&password=" + encode("demo-" + username) + "&_csrf=" + encode(token);
        response = browser.send(HttpRequest.newBuilder(URI.create(loginPage)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 10 && response.statusCode() == 302; hops++) {
            String next = URI.create(response.request().uri().toString()).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
            response = browser.send(get(next), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).as("signed in as " + username).isEqualTo(200);
        assertThat(response.body()).contains("Min dag");
    }

    private static HttpRequest get(String url) {
        // As a browser asks for a page (the provider keeps only such requests to return to after sign-in); the charts' data as JSON.
        String accept = url.contains("/overblik/data") ? "application/json" : "text/html,application/xhtml+xml";
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(20)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String page) {
        return page.length() > 66 ? page.substring(0, 65) + "…" : page;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
