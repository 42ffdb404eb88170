package dk.bindeled.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A service's authorisation matrix, tested over real HTTP: every endpoint of its request mappings × every role
 * (and anonymous) × the caller's own organisation and centre or another's, each cell with the outcome the
 * service's one expectation table gives. It fails when an endpoint has no row (a new endpoint cannot slip
 * through untested), when a row names no endpoint, and when any cell differs from the table, and prints the whole
 * matrix as {@code ACCESS MATRIX <service>} to standard output.
 *
 * <p>"Allowed" means neither 401 nor 403: a 400, 404 or 409 from the domain is fine (the request got past the
 * rules), a 5xx never is. A 401 must carry {@code WWW-Authenticate}; 401 and 403 must be problem+json.
 *
 * <p>Every caller of a cell belongs to the same organisation and centre ({@link #ownOrg}, {@link #ownCentre});
 * what differs between the "own" and the "other" column is the target the row's path is made for.
 */
public final class AccessMatrix {

    /** The roles of the identity provider, in the table's column order. */
    public static final List<String> ROLES = List.of("admin", "centre-manager", "centre-staff", "caseworker", "partner-admin",
            "partner-member", "coordinator", "viewer");

    public enum Outcome {
        ALLOWED("ok"), UNAUTHORIZED("401"), FORBIDDEN("403");

        final String shortName;

        Outcome(String shortName) {
            this.shortName = shortName;
        }
    }

    /** What a row's request is about: an organisation (partner id) and a centre, the caller's own or another's. */
    public record Target(UUID org, String centre, boolean own) {
    }

    /** One endpoint's row: how to call it and who gets through. */
    public final class Row {

        final String endpoint;
        final String method;
        private Function<Target, String> path;
        private Function<Target, String> body = t -> null;
        private boolean anonymous;
        private boolean everyRole;
        private final Set<String> allowed = new LinkedHashSet<>();
        private final Set<String> allowedOwn = new LinkedHashSet<>();
        private String accept = "application/json";

        Row(String endpoint) {
            this.endpoint = endpoint;
            this.method = endpoint.substring(0, endpoint.indexOf(' '));
        }

        /** The path (with query) to call for a target. */
        public Row path(Function<Target, String> path) {
            this.path = path;
            return this;
        }

        public Row path(String fixed) {
            return path(t -> fixed);
        }

        /** A JSON body for a target (made fresh per cell; it may create what it needs first). */
        public Row body(Function<Target, String> body) {
            this.body = body;
            return this;
        }

        public Row body(String json) {
            return body(t -> json);
        }

        public Row accept(String mediaType) {
            this.accept = mediaType;
            return this;
        }

        /** Everyone, signed in or not. */
        public Row anyone() {
            this.anonymous = true;
            this.everyRole = true;
            return this;
        }

        /** Every signed-in caller whatever the role and target; anonymous 401. */
        public Row signedIn() {
            this.everyRole = true;
            return this;
        }

        /** These roles for any target. */
        public Row allow(String... roles) {
            allowed.addAll(known(roles));
            return this;
        }

        /** These roles for their own organisation's or centre's target only. */
        public Row allowOwn(String... roles) {
            allowedOwn.addAll(known(roles));
            return this;
        }

        Outcome expected(String role, boolean own) {
            if (role == null) {
                return anonymous ? Outcome.ALLOWED : Outcome.UNAUTHORIZED;
            }
            if (everyRole || allowed.contains(role) || own && allowedOwn.contains(role)) {
                return Outcome.ALLOWED;
            }
            return Outcome.FORBIDDEN;
        }
    }

    private final String service;
    private final Set<String> endpoints;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private UUID ownOrg = UUID.randomUUID();
    private UUID otherOrg = UUID.randomUUID();
    private String ownCentre = "own-centre";
    private String otherCentre = "other-centre";

    private AccessMatrix(String service, Set<String> endpoints) {
        this.service = service;
        this.endpoints = endpoints;
    }

    /** The matrix of a service's every request mapping, each as {@code METHOD /pattern} ({@code ANY} without a method). */
    public static AccessMatrix of(String service, RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return new AccessMatrix(service, endpoints);
    }

    public Set<String> endpoints() {
        return endpoints;
    }

    /** The organisations (partner ids) of the "own" and "other" columns; callers belong to the first. */
    public AccessMatrix orgs(UUID own, UUID other) {
        this.ownOrg = own;
        this.otherOrg = other;
        return this;
    }

    /** The centres of the "own" and "other" columns; callers' tokens name the first. */
    public AccessMatrix centres(String own, String other) {
        this.ownCentre = own;
        this.otherCentre = other;
        return this;
    }

    public UUID ownOrg() {
        return ownOrg;
    }

    public UUID otherOrg() {
        return otherOrg;
    }

    public String ownCentre() {
        return ownCentre;
    }

    public String otherCentre() {
        return otherCentre;
    }

    /** The row of an endpoint, {@code "METHOD /pattern"} exactly as the mapping declares it. */
    public Row row(String endpoint) {
        if (rows.containsKey(endpoint)) {
            throw new IllegalArgumentException("Two rows for " + endpoint);
        }
        Row row = new Row(endpoint);
        rows.put(endpoint, row);
        return row;
    }

    /**
     * Runs every cell against the service at {@code baseUrl} with tokens from {@code issuer}, prints the matrix, and
     * throws an {@link AssertionError} listing every endpoint without a row, every row without an endpoint and
     * every cell that is not as expected.
     */
    public void verify(String baseUrl, TestIssuer issuer) {
        List<String> problems = new ArrayList<>();
        endpoints.stream().filter(e -> !rows.containsKey(e)).forEach(e -> problems.add("no row for endpoint " + e));
        rows.keySet().stream().filter(e -> !endpoints.contains(e)).forEach(e -> problems.add("a row for an endpoint that does not exist: " + e));
        rows.values().stream().filter(r -> r.path == null).forEach(r -> problems.add("no path for " + r.endpoint));
        if (!problems.isEmpty()) {
            throw new AssertionError("ACCESS MATRIX " + service + " is incomplete:\n  " + String.join("\n  ", problems));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        StringBuilder table = new StringBuilder();
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10) + 1;
        table.append("ACCESS MATRIX ").append(service).append(" (own/other target; ok = allowed, ! = not as expected)\n");
        table.append(pad("endpoint", width)).append(pad("anonymous", 11));
        ROLES.forEach(r -> table.append(pad(r, 16)));
        table.append('\n');
        for (Row row : rows.values()) {
            table.append(pad(row.endpoint, width));
            table.append(pad(cell(http, baseUrl, issuer, row, null, true, problems), 11));
            for (String role : ROLES) {
                String own = cell(http, baseUrl, issuer, row, role, true, problems);
                String other = cell(http, baseUrl, issuer, row, role, false, problems);
                table.append(pad(own + "/" + other, 16));
            }
            table.append('\n');
        }
        System.out.println(table);
        if (!problems.isEmpty()) {
            throw new AssertionError("ACCESS MATRIX " + service + ": " + problems.size() + " cells not as expected:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private String cell(HttpClient http, String baseUrl, TestIssuer issuer, Row row, String role, boolean own, List<String> problems) {
        Target target = new Target(own ? ownOrg : otherOrg, own ? ownCentre : otherCentre, own);
        String path = row.path.apply(target);
        String body = row.body.apply(target);
        String method = row.method.equals("ANY") ? "GET" : row.method;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", row.accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (role != null) {
            request.header("Authorization", "Bearer " + issuer.token(callerOf(role, own)));
        }
        Outcome expected = row.expected(role, own);
        String who = (role == null ? "anonymous" : role) + (own ? " (own)" : " (other)");
        int status;
        String contentType;
        boolean challenge;
        try {
            // Only the status and headers: a stream (SSE) would never end.
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            challenge = response.headers().firstValue("WWW-Authenticate").filter(h -> h.startsWith("Bearer")).isPresent();
            response.body().close();
        } catch (IOException e) {
            problems.add(row.endpoint + " as " + who + " (" + method + " " + path + "): no answer: " + e);
            return "ERR!";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Outcome actual = status == 401 ? Outcome.UNAUTHORIZED : status == 403 ? Outcome.FORBIDDEN : Outcome.ALLOWED;
        boolean wrong = actual != expected || status >= 500
                || (status == 401 || status == 403) && !contentType.startsWith("application/problem+json")
                || status == 401 && !challenge;
        if (wrong) {
            problems.add(row.endpoint + " as " + who + " (" + method + " " + path + "): expected " + expected + ", got " + status
                    + (status == 401 && !challenge ? " without WWW-Authenticate: Bearer" : "")
                    + ((status == 401 || status == 403) && !contentType.startsWith("application/problem+json") ? " not as problem+json" : ""));
        }
        return (actual == Outcome.ALLOWED ? Integer.toString(status) : actual.shortName) + (wrong ? "!" : "");
    }

    private TestIssuer.TestCaller callerOf(String role, boolean own) {
        TestIssuer.TestCaller caller = TestIssuer.caller(role + "@matrix-" + (own ? "own" : "other")).roles(role).centres(ownCentre);
        return "admin".equals(role) ? caller : caller.org(ownOrg);
    }

    private static List<String> known(String... roles) {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("Unknown role " + role + "; the roles are " + ROLES);
            }
        }
        return Arrays.asList(roles);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
