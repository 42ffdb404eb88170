package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo data once, through the partner registry's public REST API (the same path a user's data
 * takes, so the events reach Kafka and the dashboard). A marker file records that it is done; without it,
 * partners the registry already has (by name) are left alone, so a seeding that was cut short is completed
 * rather than duplicated. With it, only partners added to the demo data since (by name and id) are registered,
 * so an older data directory gets the partners the later seeders name.
 */
final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI registry;
    private final Path marker;
    private final Supplier<String> token;
    private final ObjectMapper json = new ObjectMapper();

    DemoSeeder(HttpClient http, URI registry, Path marker, Supplier<String> token) {
        this.http = http;
        this.registry = registry;
        this.marker = marker;
        this.token = token;
    }

    void seedOnce(DemoData data) {
        boolean seeded = Files.exists(marker);
        Set<String> existing = existingPartnerNamesAndIds();
        List<DemoData.Partner> missing = data.partners().stream()
                .filter(p -> !existing.contains(p.name()) && !existing.contains(p.id().toString())).toList();
        Set<String> missingKeys = new HashSet<>(missing.stream().map(DemoData.Partner::key).toList());
        if (seeded && missing.isEmpty()) {
            LOG.info("Demo data already seeded (remove {} to seed again into an empty registry)", marker);
            return;
        }
        if (seeded) {
            // Partners added to the demo data since this data directory was seeded (the logbook's demo data names them).
            LOG.info("Demo data already seeded; registering the {} demo partners added since: {}", missing.size(),
                    missing.stream().map(DemoData.Partner::name).toList());
        }
        int partners = 0;
        int contacts = 0;
        int offers = 0;
        int resources = 0;
        int memberships = 0;
        for (DemoData.Partner partner : data.partners()) {
            if (!missingKeys.contains(partner.key())) {
                if (!seeded) {
                    LOG.info("  {} is already registered; left as it is", partner.name());
                }
                continue;
            }
            // Under its fixed id: the identity provider's demo users name their organisation by it.
            String id = create("/api/partners", partner.profile().deepCopy().put("id", partner.id().toString()), partner.name());
            partners++;
            for (ObjectNode contact : partner.contacts()) {
                create("/api/partners/" + id + "/contacts", contact, partner.name() + ": contact " + contact.path("name").asText());
                contacts++;
            }
            for (ObjectNode offer : partner.offers()) {
                create("/api/partners/" + id + "/offers", offerBody(data, offer), partner.name() + ": offer " + offer.path("title").asText());
                offers++;
            }
            for (ObjectNode resource : partner.resources()) {
                create("/api/partners/" + id + "/resources", resource, partner.name() + ": resource " + resource.path("name").asText());
                resources++;
            }
            for (DemoData.Membership membership : partner.centres()) {
                DemoData.Centre centre = data.centre(membership.centreId())
                        .orElseThrow(() -> new IllegalStateException("demo data: unknown centre " + membership.centreId()));
                ObjectNode body = membershipBody(centre, membership);
                send("PUT", "/api/partners/" + id + "/centres/" + centre.id(), body, partner.name() + ": joins " + centre.name());
                memberships++;
            }
        }
        LOG.info("Seeded demo data: {} partners, {} contact people, {} offers, {} shared resources, {} centre memberships",
                partners, contacts, offers, resources, memberships);
        try {
            Files.writeString(marker, "Demo data seeded " + OffsetDateTime.now() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** The offer as sent: the centre's name (and address, when the offer has none) filled from the centre list. */
    static ObjectNode offerBody(DemoData data, ObjectNode offer) {
        JsonNode location = offer.path("location");
        String centreId = location.path("centreId").asText(null);
        if (centreId == null) {
            return offer;
        }
        DemoData.Centre centre = data.centre(centreId)
                .orElseThrow(() -> new IllegalStateException("demo data: unknown centre " + centreId));
        ObjectNode copy = offer.deepCopy();
        ObjectNode where = (ObjectNode) copy.get("location");
        if (!where.hasNonNull("centreName")) {
            where.put("centreName", centre.name());
        }
        if (!where.hasNonNull("address")) {
            where.put("address", centre.address());
        }
        return copy;
    }

    static ObjectNode membershipBody(DemoData.Centre centre, DemoData.Membership membership) {
        return JsonNodeFactory.instance.objectNode().put("centreName", centre.name()).put("role", membership.role());
    }

    /** The names and ids of the partners the registry has, deactivated ones included. */
    private Set<String> existingPartnerNamesAndIds() {
        Set<String> known = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode body = read(get("/api/partners?includeInactive=true&page=" + page + "&size=100"));
            JsonNode items = body.path("items");
            items.forEach(item -> {
                known.add(item.path("name").asText());
                known.add(item.path("id").asText());
            });
            if (items.size() < 100 || (long) (page + 1) * 100 >= body.path("totalItems").asLong(Long.MAX_VALUE)) {
                return known;
            }
        }
    }

    private String create(String path, ObjectNode body, String what) {
        HttpResponse<String> response = send("POST", path, body, what);
        JsonNode answer = read(response);
        if (answer.hasNonNull("id")) {
            return answer.get("id").asText();
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + path + " (" + what + ") answered without an id: " + response.body()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String what) {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get())
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Seeding the demo data failed at " + what + ": " + method + " " + path
                    + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get()).GET().build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        if (response.body() == null || response.body().isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.request().uri() + " answered what is not JSON: " + response.body(), e);
        }
    }
}
