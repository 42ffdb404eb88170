package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.events.EventType;
import dk.bindeled.events.SchemaValidator;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.ResourceDefined;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.localstack.BookingPlan.Slot;
import dk.bindeled.localstack.DemoData.BookingCentre;
import dk.bindeled.localstack.DemoData.Hours;
import dk.bindeled.localstack.DemoData.PlacedResource;
import dk.bindeled.localstack.DemoData.Series;
import dk.bindeled.localstack.DemoData.Single;
import dk.bindeled.localstack.DemoData.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * room-booking refuses a booking outside opening hours, longer than the resource allows, for more people
 * than it holds, by a partner that is not a member of the centre, or over the partner's quota. The seeder
 * must get every demo booking accepted at whatever moment it runs, so those rules are checked here against
 * the demo data, and the placement of the bookings around "now" is tried for every ten minutes of a week.
 */
class BookingDemoDataTest {

    private static final DemoData DATA = DemoData.load();
    private static final DemoData.Booking BOOKING = DATA.booking();
    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @Test
    void everyCentreIsSetUpForBookingWithRoomsAndEquipment() {
        assertThat(BOOKING.centres()).extracting(BookingCentre::centreId)
                .containsExactlyInAnyOrderElementsOf(DATA.centres().stream().map(DemoData.Centre::id).toList());
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (BookingCentre centre : BOOKING.centres()) {
            String c = centre.centreId();
            check(problems, centre.openingHours().size() > 0, c, "has no opening hours");
            check(problems, centre.peakHours().size() > 0, c, "has no peak time");
            check(problems, centre.defaultQuota() != null, c, "has no default quota");
            check(problems, centre.manager() == null || DATA.partner(centre.manager()).isPresent(), c, "manager " + centre.manager() + " is no partner");
            centre.quotas().forEach(q -> check(problems, DATA.partner(q.partner()).isPresent(), c, "quota of unknown partner " + q.partner()));
            for (Hours h : centre.openingHours()) {
                check(problems, h.closesAt().isAfter(h.opensAt()), c, "closes before it opens: " + h);
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                List<Hours> windows = centre.hoursOn(day);
                for (int i = 1; i < windows.size(); i++) {
                    check(problems, !windows.get(i).opensAt().isBefore(windows.get(i - 1).closesAt()), c, "overlapping opening hours on " + day);
                }
            }
            check(problems, centre.resources().stream().anyMatch(r -> "ROOM".equals(r.path("kind").asText())), c, "has no room");
            for (ObjectNode r : centre.resources()) {
                String id = r.path("id").asText();
                check(problems, id.matches("[a-z0-9][a-z0-9-]{1,63}"), c, "resource id " + id);
                check(problems, ids.add(id), c, "resource id " + id + " used twice");
                check(problems, isOneOf(r.path("kind").asText(), ResourceKind.values()), c, id + ": kind " + r.path("kind"));
                check(problems, !"ROOM".equals(r.path("kind").asText()) || r.path("capacity").asInt() >= 1, c, id + ": a room needs a capacity");
                JsonNode rules = r.path("rules");
                check(problems, List.of("ALL_CENTRE_PARTNERS", "LISTED_PARTNERS").contains(rules.path("access").asText()), c, id + ": access " + rules.path("access"));
                rules.path("listedPartners").forEach(k -> check(problems, member(k.asText(), c), c, id + ": listed partner " + k + " is not a member of the centre"));
                check(problems, !"LISTED_PARTNERS".equals(rules.path("access").asText()) || rules.path("listedPartners").size() > 0, c, id + ": nobody listed");
                r.path("features").forEach(f -> check(problems, f.asText().matches("[a-z0-9-]+"), c, id + ": feature " + f));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(BOOKING.centres().stream().flatMap(c -> c.resources().stream()))
                .as("equipment and an approval-required room are part of the demo")
                .anyMatch(r -> "EQUIPMENT".equals(r.path("kind").asText()))
                .anyMatch(r -> r.path("rules").path("approvalRequired").asBoolean());
    }

    /** What the seeder sends must also fit the events room-booking publishes from it. */
    @Test
    void centresAndResourcesFitThePublishedEventSchemas() {
        List<String> problems = new ArrayList<>();
        for (BookingCentre centre : BOOKING.centres()) {
            DemoData.Centre known = DATA.centre(centre.centreId()).orElseThrow();
            ObjectNode body = BookingSeeder.centreBody(known, centre, "p-1");
            ObjectNode event = body.deepCopy();
            event.remove(List.of("id", "peakHours", "defaultQuota"));
            event.put("centreId", centre.centreId()).put("timeZone", "Europe/Copenhagen");
            validate(problems, CentreDefined.class, event);
            for (ObjectNode resource : centre.resources()) {
                ObjectNode sent = BookingSeeder.resourceBody(resource, keysAsIds());
                ObjectNode resourceEvent = sent.deepCopy();
                resourceEvent.remove(List.of("id", "rules"));
                resourceEvent.put("resourceId", resource.path("id").asText()).put("centreId", centre.centreId())
                        .put("approvalRequired", resource.path("rules").path("approvalRequired").asBoolean());
                validate(problems, ResourceDefined.class, resourceEvent);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBookingKeepsTheRulesOfItsResourceAndCentre() {
        List<String> problems = new ArrayList<>();
        for (Series s : BOOKING.series()) {
            String what = "series " + s.title();
            Optional<PlacedResource> placed = BOOKING.resource(s.resource());
            check(problems, placed.isPresent(), what, "unknown resource " + s.resource());
            if (placed.isEmpty()) {
                continue;
            }
            checkDetails(problems, what, placed.get(), s.partner(), s.title(), s.attendees(), s.targetGroup(), s.visibility());
            check(problems, !s.days().isEmpty(), what, "no days");
            check(problems, List.of("WEEKLY", "BIWEEKLY", "MONTHLY").contains(s.frequency()), what, "frequency " + s.frequency());
            check(problems, s.count() >= 2, what, "count " + s.count());
            checkLength(problems, what, placed.get(), Duration.between(s.fromTime(), s.toTime()).toMinutes());
            for (DayOfWeek day : s.days()) {
                check(problems, open(placed.get().centre(), day, s.fromTime(), s.toTime()), what, "centre closed on " + day + " " + s.from() + "–" + s.to());
            }
            // The last date, from a first date up to a week away, must be within maxDaysAhead.
            long days = 7 + switch (s.frequency()) {
                case "WEEKLY" -> 7L * (s.count() - 1);
                case "BIWEEKLY" -> 14L * (s.count() - 1);
                default -> 35L * (s.count() - 1);
            };
            JsonNode max = placed.get().resource().path("rules").path("maxDaysAhead");
            check(problems, !max.isInt() || days <= max.asInt(), what, "reaches " + days + " days ahead, more than " + max);
        }
        for (Single s : BOOKING.singles()) {
            String what = "single " + s.title();
            Optional<PlacedResource> placed = BOOKING.resource(s.resource());
            check(problems, placed.isPresent(), what, "unknown resource " + s.resource());
            if (placed.isEmpty()) {
                continue;
            }
            checkDetails(problems, what, placed.get(), s.partner(), s.title(), s.attendees(), s.targetGroup(), s.visibility());
            if (s.relative()) {
                check(problems, s.minutes() != null && s.minutes() >= 15 && s.startsInMinutes() >= 1, what, "needs startsInMinutes ≥ 1 and minutes ≥ 15");
                check(problems, s.day() == null && s.from() == null, what, "is both relative and dated");
                checkLength(problems, what, placed.get(), s.minutes() + 14);
            } else {
                check(problems, s.day() != null && s.from() != null && s.to() != null, what, "needs day, from and to");
                checkLength(problems, what, placed.get(), Duration.between(LocalTime.parse(s.from()), LocalTime.parse(s.to())).toMinutes());
                check(problems, open(placed.get().centre(), s.day(), LocalTime.parse(s.from()), LocalTime.parse(s.to())), what, "centre closed then");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDemoShowsWhatTheInfoScreenAndTheCalendarAreFor() {
        assertThat(BOOKING.singles()).as("something on now in every centre")
                .filteredOn(s -> s.relative() && s.startsInMinutes() <= 5)
                .extracting(s -> BOOKING.resource(s.resource()).orElseThrow().centre().centreId())
                .containsExactlyInAnyOrderElementsOf(BOOKING.centres().stream().map(BookingCentre::centreId).toList());
        assertThat(BOOKING.singles()).as("and later today").anyMatch(s -> s.relative() && s.startsInMinutes() >= 60);
        assertThat(BOOKING.singles().stream().map(Single::visibility).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(names(Visibility.values()));
        assertThat(BOOKING.singles()).as("a request awaiting approval")
                .anyMatch(s -> BOOKING.resource(s.resource()).orElseThrow().resource().path("rules").path("approvalRequired").asBoolean());
        assertThat(BOOKING.series()).extracting(Series::frequency).contains("WEEKLY", "MONTHLY");
        assertThat(BOOKING.series()).extracting(Series::title)
                .contains("Babycafé med sundhedsplejersken", "Tirsdagstræf – kun for mænd", "Lektiecafé", "Husrådsmøde")
                .anyMatch(t -> t.startsWith("Familiemøde"));
    }

    /** Worst case: every series in one week, and every single booking (relative ones counted wholly as peak time). */
    @Test
    void noPartnerGoesOverItsQuotaInAnyWeek() {
        Map<String, int[]> use = new HashMap<>();
        for (Series s : BOOKING.series()) {
            BookingCentre centre = BOOKING.resource(s.resource()).orElseThrow().centre();
            for (DayOfWeek day : s.days()) {
                add(use, centre, s.partner(), minutes(s.fromTime(), s.toTime()), peakMinutes(centre, day, s.fromTime(), s.toTime()));
            }
        }
        for (Single s : BOOKING.singles()) {
            BookingCentre centre = BOOKING.resource(s.resource()).orElseThrow().centre();
            if (s.relative()) {
                add(use, centre, s.partner(), s.minutes() + 14, s.minutes() + 14);
            } else {
                LocalTime from = LocalTime.parse(s.from());
                LocalTime to = LocalTime.parse(s.to());
                add(use, centre, s.partner(), minutes(from, to), peakMinutes(centre, s.day(), from, to));
            }
        }
        List<String> problems = new ArrayList<>();
        use.forEach((key, minutes) -> {
            String[] parts = key.split("\\|");
            BookingCentre centre = BOOKING.centre(parts[0]).orElseThrow();
            DemoData.Quota quota = centre.quotas().stream().filter(q -> q.partner().equals(parts[1])).findFirst()
                    .map(q -> new DemoData.Quota(q.hoursPerWeek(), q.peakHoursPerWeek())).orElse(centre.defaultQuota());
            if (quota.hoursPerWeek() != null && minutes[0] > quota.hoursPerWeek() * 60) {
                problems.add(key + ": " + minutes[0] + " minutes a week, quota " + quota.hoursPerWeek() + " h");
            }
            if (quota.peakHoursPerWeek() != null && minutes[1] > quota.peakHoursPerWeek() * 60) {
                problems.add(key + ": " + minutes[1] + " peak minutes a week, quota " + quota.peakHoursPerWeek() + " h");
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Every ten minutes of a week (one with a daylight-saving change): each single lands in the future, inside opening hours. */
    @Test
    void singlesAroundNowAreAlwaysPlacedInTheFutureAndInsideOpeningHours() {
        List<String> problems = new ArrayList<>();
        for (LocalDateTime now = LocalDateTime.of(2026, 10, 22, 0, 3, 17); now.isBefore(LocalDateTime.of(2026, 10, 29, 0, 0)); now = now.plusMinutes(10)) {
            for (Single s : BOOKING.singles().stream().filter(Single::relative).toList()) {
                PlacedResource placed = BOOKING.resource(s.resource()).orElseThrow();
                Optional<Slot> slot = BookingPlan.relative(now, s.startsInMinutes(), s.minutes(), placed.maxLengthMinutes(), placed.centre());
                String what = s.title() + " at " + now;
                check(problems, slot.isPresent(), what, "not placed");
                if (slot.isEmpty()) {
                    continue;
                }
                Slot at = slot.get();
                check(problems, at.start().isAfter(now.plusSeconds(59)), what, "starts " + at.start() + ", too soon for the API");
                check(problems, at.start().toLocalDate().equals(at.end().toLocalDate())
                        && open(placed.centre(), at.start().getDayOfWeek(), at.start().toLocalTime(), at.end().toLocalTime()), what, at + " outside opening hours");
                check(problems, at.minutes() >= Math.min(BookingPlan.SHORTEST_MINUTES, s.minutes()), what, at + " too short");
                check(problems, placed.maxLengthMinutes() == null || at.minutes() <= placed.maxLengthMinutes(), what, at + " too long");
                boolean openLongEnough = open(placed.centre(), now.getDayOfWeek(), now.toLocalTime().plusMinutes(2), now.toLocalTime().plusMinutes(2 + s.minutes()))
                        && now.plusMinutes(2 + s.minutes()).toLocalDate().equals(now.toLocalDate());
                if (s.startsInMinutes() <= 5 && openLongEnough) {
                    check(problems, !at.start().isAfter(now.plusMinutes(s.startsInMinutes() + 1L)), what, "starts " + at.start() + ", not on now soon");
                }
            }
        }
        assertThat(problems.stream().limit(20).toList()).as(problems.size() + " problems; the first 20").isEmpty();
    }

    @Test
    void placesOnNowBookingsAsDescribed() {
        BookingCentre motalavej = BOOKING.centre("motalavej").orElseThrow();
        // Tuesday 10:14:30: on now from 10:16, the end on a quarter hour.
        assertThat(BookingPlan.relative(LocalDateTime.of(2026, 11, 24, 10, 14, 30), 1, 90, 240, motalavej))
                .contains(new Slot(LocalDateTime.of(2026, 11, 24, 10, 16), LocalDateTime.of(2026, 11, 24, 12, 0)));
        // Later today: on the quarter hour.
        assertThat(BookingPlan.relative(LocalDateTime.of(2026, 11, 24, 10, 14, 30), 150, 120, 480, motalavej))
                .contains(new Slot(LocalDateTime.of(2026, 11, 24, 12, 45), LocalDateTime.of(2026, 11, 24, 14, 45)));
        // Before opening on Sunday (10:00): at opening time.
        assertThat(BookingPlan.relative(LocalDateTime.of(2026, 11, 22, 8, 58), 1, 90, 240, motalavej))
                .contains(new Slot(LocalDateTime.of(2026, 11, 22, 10, 0), LocalDateTime.of(2026, 11, 22, 11, 30)));
        // Near closing: shortened to end at closing time.
        assertThat(BookingPlan.relative(LocalDateTime.of(2026, 11, 24, 21, 20), 1, 90, 240, motalavej))
                .contains(new Slot(LocalDateTime.of(2026, 11, 24, 21, 22), LocalDateTime.of(2026, 11, 24, 22, 0)));
        // After closing: the next opening.
        assertThat(BookingPlan.relative(LocalDateTime.of(2026, 11, 24, 21, 45), 1, 90, 240, motalavej))
                .contains(new Slot(LocalDateTime.of(2026, 11, 25, 8, 0), LocalDateTime.of(2026, 11, 25, 9, 30)));
        // Series and dated singles: the next such day, today when the time is still ahead.
        assertThat(BookingPlan.nextDate(LocalDateTime.of(2026, 11, 24, 9, 0), DayOfWeek.TUESDAY, LocalTime.of(9, 30))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(BookingPlan.nextDate(LocalDateTime.of(2026, 11, 24, 9, 29), DayOfWeek.TUESDAY, LocalTime.of(9, 30))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(BookingPlan.nextDate(LocalDateTime.of(2026, 11, 22, 9, 0), DayOfWeek.MONDAY, LocalTime.of(9, 30))).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void waitsOnlyWhileTheReplicaIsBehind() {
        assertThat(BookingSeeder.replicaBehind(answer(400, "{\"errors\":[{\"field\":\"partnerId\",\"reason\":\"names no partner known to the registry\"}]}"))).isTrue();
        assertThat(BookingSeeder.replicaBehind(answer(403, "{\"detail\":\"X is not a partner of the centre\"}"))).isTrue();
        assertThat(BookingSeeder.replicaBehind(answer(400, "{\"errors\":[{\"field\":\"start\",\"reason\":\"is in the past\"}]}"))).isFalse();
        assertThat(BookingSeeder.replicaBehind(answer(409, "{}"))).isFalse();
    }

    private static JsonHttp.Answer answer(int status, String body) {
        try {
            return new JsonHttp.Answer(status, new com.fasterxml.jackson.databind.ObjectMapper().readTree(body), body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void checkDetails(List<String> problems, String what, PlacedResource placed, String partner, String title,
                                     Integer attendees, String targetGroup, String visibility) {
        String centreId = placed.centre().centreId();
        JsonNode rules = placed.resource().path("rules");
        check(problems, DATA.partner(partner).isPresent(), what, "unknown partner " + partner);
        check(problems, member(partner, centreId), what, partner + " is not a member of " + centreId);
        if ("LISTED_PARTNERS".equals(rules.path("access").asText())) {
            List<String> listed = new ArrayList<>();
            rules.path("listedPartners").forEach(k -> listed.add(k.asText()));
            check(problems, listed.contains(partner), what, partner + " is not listed for " + placed.resource().path("id").asText());
        }
        check(problems, title != null && !title.isBlank() && title.length() <= 200, what, "title");
        check(problems, isOneOf(visibility, Visibility.values()), what, "visibility " + visibility);
        check(problems, targetGroup == null || isOneOf(targetGroup, TargetGroup.values()), what, "target group " + targetGroup);
        JsonNode capacity = placed.resource().path("capacity");
        check(problems, attendees == null || attendees >= 1 && (!capacity.isInt() || attendees <= capacity.asInt()), what,
                attendees + " attendees, capacity " + capacity);
    }

    private static void checkLength(List<String> problems, String what, PlacedResource placed, long minutes) {
        check(problems, minutes >= 15, what, "shorter than 15 minutes");
        check(problems, placed.maxLengthMinutes() == null || minutes <= placed.maxLengthMinutes(), what,
                minutes + " minutes, more than the " + placed.maxLengthMinutes() + " allowed");
    }

    private static boolean member(String partnerKey, String centreId) {
        return DATA.partner(partnerKey).map(p -> p.centres().stream().anyMatch(m -> m.centreId().equals(centreId))).orElse(false);
    }

    private static boolean open(BookingCentre centre, DayOfWeek day, LocalTime from, LocalTime to) {
        return !to.isBefore(from) && centre.hoursOn(day).stream().anyMatch(h -> !from.isBefore(h.opensAt()) && !to.isAfter(h.closesAt()));
    }

    private static int minutes(LocalTime from, LocalTime to) {
        return (int) Duration.between(from, to).toMinutes();
    }

    private static int peakMinutes(BookingCentre centre, DayOfWeek day, LocalTime from, LocalTime to) {
        int peak = 0;
        for (Window w : centre.peakHours()) {
            if (w.days().contains(day)) {
                LocalTime start = from.isAfter(LocalTime.parse(w.from())) ? from : LocalTime.parse(w.from());
                LocalTime end = to.isBefore(LocalTime.parse(w.to())) ? to : LocalTime.parse(w.to());
                peak += Math.max(0, minutes(start, end));
            }
        }
        return peak;
    }

    private static void add(Map<String, int[]> use, BookingCentre centre, String partner, int minutes, int peak) {
        int[] sum = use.computeIfAbsent(centre.centreId() + "|" + partner, k -> new int[2]);
        sum[0] += minutes;
        sum[1] += peak;
    }

    private static Map<String, String> keysAsIds() {
        return DATA.partners().stream().collect(Collectors.toMap(DemoData.Partner::key, DemoData.Partner::key));
    }

    private static void validate(List<String> problems, Class<?> event, JsonNode payload) {
        EventType<?> type = BookingEventsV1.CATALOG.byClass(event);
        SCHEMAS.validate(type, payload).forEach(v -> problems.add(event.getSimpleName() + ": " + v + " in " + payload));
    }

    private static void check(List<String> problems, boolean ok, String what, String problem) {
        if (!ok) {
            problems.add(what + ": " + problem);
        }
    }

    private static <E extends Enum<E>> boolean isOneOf(String value, E[] values) {
        return Arrays.stream(values).anyMatch(v -> v.name().equals(value));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
