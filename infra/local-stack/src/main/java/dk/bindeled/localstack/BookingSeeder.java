package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.localstack.BookingPlan.Slot;
import dk.bindeled.localstack.DemoData.BookingCentre;
import dk.bindeled.localstack.DemoData.Hours;
import dk.bindeled.localstack.DemoData.PartnerQuota;
import dk.bindeled.localstack.DemoData.PlacedResource;
import dk.bindeled.localstack.DemoData.Series;
import dk.bindeled.localstack.DemoData.Single;
import dk.bindeled.localstack.DemoData.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds room booking's demo data once, through room-booking's public REST API, after the partners are in the
 * registry: the centres with opening hours, peak time, notice period and quotas, their rooms and equipment,
 * recurring series from their next occurrence on, and single bookings around the time of seeding (so the info
 * screens have something on now and later today). Partners are looked up in the registry by name.
 * <p>
 * room-booking learns partners and their centre memberships from {@code bindeled.partner.v1}, a moment after
 * the registry has them: until then it answers 400 (no such partner) or 403 (not a member of the centre), and
 * the booking is tried again, up to a time limit. A marker file records that the seeding is done. Without it,
 * a seeding cut short is completed: what exists already (409: a centre or resource with that id, a slot taken
 * by the booking made the first time) is left as it is, and series skip the dates already booked.
 */
final class BookingSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(BookingSeeder.class);
    private static final Logger DETAILS = LoggerFactory.getLogger("dk.bindeled.localstack.details");
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonHttp registry;
    private final JsonHttp booking;
    private final Path marker;
    private final Clock clock;
    private final Duration replicaTimeout;
    private final Map<String, Integer> outcomes = new LinkedHashMap<>();

    BookingSeeder(JsonHttp registry, JsonHttp booking, Path marker, Clock clock, Duration replicaTimeout) {
        this.registry = registry;
        this.booking = booking;
        this.marker = marker;
        this.clock = clock;
        this.replicaTimeout = replicaTimeout;
    }

    void seedOnce(DemoData data) {
        if (Files.exists(marker)) {
            LOG.info("Booking demo data already seeded (remove {} to seed again into an empty room-booking)", marker);
            return;
        }
        Map<String, String> partnerIds = partnerIds(data);
        DemoData.Booking demo = data.booking();
        for (BookingCentre centre : demo.centres()) {
            defineCentre(data, centre, partnerIds);
        }
        // Singles around now first: they are what the info screens show at once; a series skips a date they took.
        List<Single> relative = demo.singles().stream().filter(Single::relative)
                .sorted(Comparator.comparing(Single::startsInMinutes)).toList();
        for (Single single : relative) {
            bookSingle(data, single, partnerIds);
        }
        for (Series series : demo.series()) {
            for (DayOfWeek day : series.days()) {
                bookSeries(data, series, day, partnerIds);
            }
        }
        for (Single single : demo.singles().stream().filter(s -> !s.relative()).toList()) {
            bookSingle(data, single, partnerIds);
        }
        LOG.info("Seeded booking demo data: {}", outcomes.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("nothing"));
        try {
            Files.writeString(marker, "Booking demo data seeded " + OffsetDateTime.now(clock) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    // ------------------------------------------------------------------ centres, quotas, resources

    private void defineCentre(DemoData data, BookingCentre centre, Map<String, String> partnerIds) {
        DemoData.Centre known = data.centre(centre.centreId())
                .orElseThrow(() -> new IllegalStateException("demo data: booking for unknown centre " + centre.centreId()));
        ObjectNode body = centreBody(known, centre, partnerIds.get(centre.manager()));
        JsonHttp.Answer answer = booking.send("POST", "/api/centres", body);
        if (answer.ok()) {
            count("centres");
        } else if (answer.status() != 409) {
            throw failed("centre " + known.name(), "POST /api/centres", answer);
        }
        for (PartnerQuota quota : centre.quotas()) {
            String partnerId = partnerIds.get(quota.partner());
            if (partnerId == null) {
                continue;
            }
            ObjectNode quotaBody = NODES.objectNode();
            putNumber(quotaBody, "hoursPerWeek", quota.hoursPerWeek());
            putNumber(quotaBody, "peakHoursPerWeek", quota.peakHoursPerWeek());
            String path = "/api/centres/" + centre.centreId() + "/quotas/" + partnerId;
            JsonHttp.Answer set = booking.send("PUT", path, quotaBody);
            if (!set.ok()) {
                throw failed(known.name() + ": quota of " + quota.partner(), "PUT " + path, set);
            }
            count("partner quotas");
        }
        for (ObjectNode resource : centre.resources()) {
            String path = "/api/centres/" + centre.centreId() + "/resources";
            JsonHttp.Answer created = booking.send("POST", path, resourceBody(resource, partnerIds));
            if (created.ok()) {
                count("resources");
            } else if (created.status() != 409) {
                throw failed(known.name() + ": resource " + resource.path("name").asText(), "POST " + path, created);
            }
        }
    }

    static ObjectNode centreBody(DemoData.Centre known, BookingCentre centre, String managerPartnerId) {
        ObjectNode body = NODES.objectNode()
                .put("id", centre.centreId())
                .put("name", known.name())
                .put("address", known.address());
        if (managerPartnerId != null) {
            body.put("managerPartnerId", managerPartnerId);
        }
        ArrayNode hours = body.putArray("openingHours");
        for (Hours h : centre.openingHours()) {
            h.days().forEach(day -> hours.addObject().put("day", day.name()).put("opens", h.opens()).put("closes", h.closes()));
        }
        body.put("cancellationNoticeHours", centre.cancellationNoticeHours());
        ArrayNode peak = body.putArray("peakHours");
        for (Window w : centre.peakHours()) {
            w.days().forEach(day -> peak.addObject().put("day", day.name()).put("from", w.from()).put("to", w.to()));
        }
        if (centre.defaultQuota() != null) {
            ObjectNode quota = body.putObject("defaultQuota");
            putNumber(quota, "hoursPerWeek", centre.defaultQuota().hoursPerWeek());
            putNumber(quota, "peakHoursPerWeek", centre.defaultQuota().peakHoursPerWeek());
        }
        return body;
    }

    /** The resource as sent: partner keys in {@code rules.listedPartners} replaced by the partners' ids. */
    static ObjectNode resourceBody(ObjectNode resource, Map<String, String> partnerIds) {
        ObjectNode copy = resource.deepCopy();
        JsonNode listed = copy.path("rules").path("listedPartners");
        if (listed.isArray()) {
            ArrayNode ids = NODES.arrayNode();
            listed.forEach(key -> Optional.ofNullable(partnerIds.get(key.asText())).ifPresent(ids::add));
            ((ObjectNode) copy.get("rules")).set("listedPartners", ids);
        }
        return copy;
    }

    // ------------------------------------------------------------------ bookings

    private void bookSingle(DemoData data, Single single, Map<String, String> partnerIds) {
        PlacedResource placed = resource(data, single.resource());
        String centreName = data.centre(placed.centre().centreId()).map(DemoData.Centre::name).orElse(placed.centre().centreId());
        String what = centreName + ": " + single.title();
        String partnerId = partnerIds.get(single.partner());
        if (partnerId == null) {
            LOG.warn("  {}: not booked, the registry has no partner {}", what, single.partner());
            count("bookings left out (partner missing)");
            return;
        }
        Supplier<Optional<Slot>> slot = () -> {
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZONE));
            if (single.relative()) {
                return BookingPlan.relative(now, single.startsInMinutes(), single.minutes(), placed.maxLengthMinutes(), placed.centre());
            }
            LocalDate date = BookingPlan.nextDate(now, single.day(), LocalTime.parse(single.from()));
            return Optional.of(new Slot(date.atTime(LocalTime.parse(single.from())), date.atTime(LocalTime.parse(single.to()))));
        };
        if (slot.get().isEmpty()) {
            LOG.warn("  {}: not booked, {} is not open long enough in the coming week", what, centreName);
            count("bookings left out (centre closed)");
            return;
        }
        Slot[] used = new Slot[1];
        Optional<JsonNode> answer = command("/api/bookings", () -> {
            used[0] = slot.get().orElseThrow();
            return details(NODES.objectNode().put("resourceId", single.resource()).put("partnerId", partnerId)
                    .put("start", used[0].start().toString()).put("end", used[0].end().toString()),
                    single.title(), single.purpose(), single.attendees(), single.targetGroup(), single.visibility());
        }, what, single.partner());
        if (answer.isEmpty()) {
            return;
        }
        String status = answer.get().path("status").asText("?");
        count("REQUESTED".equals(status) ? "booking request(s) awaiting approval" : "single bookings");
        LOG.info("  {}: {} – {}, {} {}–{} ({}){}", centreName, single.title(), resourceName(placed), day(used[0].start()),
                CLOCK.format(used[0].start()), CLOCK.format(used[0].end()), single.visibility(),
                "REQUESTED".equals(status) ? ", awaiting approval" : "");
    }

    private void bookSeries(DemoData data, Series series, DayOfWeek day, Map<String, String> partnerIds) {
        PlacedResource placed = resource(data, series.resource());
        String centreName = data.centre(placed.centre().centreId()).map(DemoData.Centre::name).orElse(placed.centre().centreId());
        String what = centreName + ": " + series.title() + " (" + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s)";
        String partnerId = partnerIds.get(series.partner());
        if (partnerId == null) {
            LOG.warn("  {}: not booked, the registry has no partner {}", what, series.partner());
            count("series left out (partner missing)");
            return;
        }
        Optional<JsonNode> answer = command("/api/series", () -> {
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZONE));
            LocalDate first = BookingPlan.nextDate(now, day, series.fromTime());
            ObjectNode body = NODES.objectNode().put("resourceId", series.resource()).put("partnerId", partnerId)
                    .put("firstStart", first.atTime(series.fromTime()).toString())
                    .put("firstEnd", first.atTime(series.toTime()).toString());
            body.putObject("recurrence").put("frequency", series.frequency()).put("count", series.count());
            body.put("skipClashes", true);
            return details(body, series.title(), series.purpose(), series.attendees(), series.targetGroup(), series.visibility());
        }, what, series.partner());
        if (answer.isEmpty()) {
            return;
        }
        int occurrences = answer.get().path("occurrences").size();
        JsonNode skipped = answer.get().path("skippedDates");
        count("series");
        outcomes.merge("series occurrences", occurrences, Integer::sum);
        DETAILS.info("Booked series {}: {} × {} {}–{} from {}, {}{}", what, occurrences, series.frequency(), series.from(), series.to(),
                answer.get().path("occurrences").path(0).path("start").asText(), answer.get().path("status").asText(),
                skipped.isEmpty() ? "" : ", skipped (taken): " + skipped);
        if (!skipped.isEmpty()) {
            outcomes.merge("series dates skipped (taken)", skipped.size(), Integer::sum);
        }
    }

    private static ObjectNode details(ObjectNode body, String title, String purpose, Integer attendees, String targetGroup, String visibility) {
        body.put("title", title);
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        putNumber(body, "attendees", attendees);
        if (targetGroup != null) {
            body.put("targetGroup", targetGroup);
        }
        return body.put("visibility", visibility);
    }

    /**
     * Sends a booking command. While room-booking's replica of the partner registry has not caught up (400
     * naming partnerId, or 403 because the membership has not arrived), it tries again until the time limit.
     * A 409 (taken, or over a quota) is left out and counted; anything else stops the seeding.
     */
    private Optional<JsonNode> command(String path, Supplier<ObjectNode> body, String what, String partnerKey) {
        long deadline = System.nanoTime() + replicaTimeout.toNanos();
        boolean waiting = false;
        while (true) {
            JsonHttp.Answer answer = booking.send("POST", path, body.get());
            if (answer.ok()) {
                return Optional.of(answer.json());
            }
            if (replicaBehind(answer)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Seeding the booking demo data failed at " + what + ": room-booking still does not know partner "
                            + partnerKey + " as a member of the centre after " + replicaTimeout.toSeconds() + " s (it learns partners from "
                            + "bindeled.partner.v1). Last answer to POST " + path + ": " + answer + ". See data/logs/room-booking.log.");
                }
                if (!waiting) {
                    LOG.info("  waiting for room-booking to learn {} from the partner registry's events ...", partnerKey);
                    waiting = true;
                }
                sleep(Duration.ofMillis(500));
                continue;
            }
            if (answer.status() == 409 && answer.json().path("type").asText().endsWith("/booking-conflict")) {
                // Taken: on a rerun after a seeding cut short, by the booking made the first time.
                DETAILS.info("Not booked, taken: {}: {}", what, answer);
                count("bookings left out (slot taken)");
                return Optional.empty();
            }
            if (answer.status() == 409) {
                LOG.warn("  {}: not booked, {}", what, answer.json().path("detail").asText(answer.toString()));
                count("bookings left out (409)");
                return Optional.empty();
            }
            throw failed(what, "POST " + path, answer);
        }
    }

    /** 400 with an error on partnerId ("names no partner known to the registry"), or 403 (not a member yet). */
    static boolean replicaBehind(JsonHttp.Answer answer) {
        if (answer.status() == 403) {
            return true;
        }
        if (answer.status() != 400) {
            return false;
        }
        for (JsonNode error : answer.json().path("errors")) {
            if ("partnerId".equals(error.path("field").asText())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Partner key → id, for the demo partners the registry has (by name). The directory is a projection that a
     * pooled processor fills a moment after the registrations: a partner not listed yet is asked for again, for a
     * while, before its bookings are left out.
     */
    private Map<String, String> partnerIds(DemoData data) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, String> byName = directory();
            boolean complete = data.partners().stream().allMatch(p -> byName.containsKey(p.name()));
            if (complete || System.nanoTime() > deadline) {
                return partnerIds(data, byName);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private Map<String, String> directory() {
        Map<String, String> byName = new HashMap<>();
        for (int page = 0; ; page++) {
            String path = "/api/partners?page=" + page + "&size=100";
            JsonHttp.Answer answer = registry.get(path);
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + registry.base().resolve(path) + " answered " + answer);
            }
            JsonNode items = answer.json().path("items");
            items.forEach(item -> byName.putIfAbsent(item.path("name").asText(), item.path("id").asText()));
            if (items.size() < 100) {
                break;
            }
        }
        return byName;
    }

    private Map<String, String> partnerIds(DemoData data, Map<String, String> byName) {
        Map<String, String> ids = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (DemoData.Partner partner : data.partners()) {
            String id = byName.get(partner.name());
            if (id != null) {
                ids.put(partner.key(), id);
            } else {
                missing.add(partner.name());
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("  The registry lacks demo partners {} (seeded before they were added to the demo data?); their bookings are left out."
                    + " Delete ./data to start afresh.", missing);
        }
        return ids;
    }

    private static PlacedResource resource(DemoData data, String resourceId) {
        return data.booking().resource(resourceId)
                .orElseThrow(() -> new IllegalStateException("demo data: booking of unknown resource " + resourceId));
    }

    private static String resourceName(PlacedResource placed) {
        return placed.resource().path("name").asText();
    }

    private String day(LocalDateTime start) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (start.toLocalDate().equals(today)) {
            return "today";
        }
        if (start.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return start.toLocalDate().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + start.toLocalDate();
    }

    private void count(String what) {
        outcomes.merge(what, 1, Integer::sum);
    }

    private static void putNumber(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static IllegalStateException failed(String what, String request, JsonHttp.Answer answer) {
        return new IllegalStateException("Seeding the booking demo data failed at " + what + ": " + request + " answered " + answer);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
