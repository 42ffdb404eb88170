package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.events.EventType;
import dk.bindeled.events.SchemaValidator;
import dk.bindeled.events.partner.v1.ContactPersonAdded;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferPublished;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.ResourceShared;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo data must be accepted by the partner registry on the first try at every start of a fresh
 * stack, so it is checked here against the published contract (the v1 enums and JSON Schemas) and for
 * internal consistency. Each test collects every problem, so one run shows all that needs fixing.
 */
class DemoDataTest {

    private static final DemoData DATA = DemoData.load();
    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @Test
    void demoPartnersAreRegisteredUnderTheIdsTheIdentityProvidersUsersNameAsTheirOrganisation() {
        // The same value services/identity's DemoPartnerIdsTest pins for the org claim of leyla and ahmed.
        assertThat(DATA.partner("cafe-sumak").orElseThrow().id().toString()).isEqualTo("ad498a51-909b-39fc-a44e-dd6565ef4311");
        assertThat(DATA.partners()).extracting(DemoData.Partner::id).doesNotHaveDuplicates();
    }

    @Test
    void isARealisticSpreadOfPartners() {
        assertThat(DATA.partners()).hasSizeBetween(15, 45);
        assertThat(DATA.partners().stream().map(p -> p.profile().path("sector").asText()).collect(Collectors.toSet()))
                .as("every sector has partners").containsExactlyInAnyOrder(names(Sector.values()));
        assertThat(DATA.centres()).extracting(DemoData.Centre::id)
                .containsExactlyInAnyOrder("motalavej", "foreningernes-hus", "hedemarken", "sundheds-og-kvartershuset");
        assertThat(DATA.partners()).allSatisfy(p -> assertThat(p.contacts()).as(p.name() + " has a contact person").isNotEmpty());
        assertThat(DATA.partners().stream().mapToInt(p -> p.offers().size()).sum()).isGreaterThanOrEqualTo(15);
        assertThat(DATA.partners().stream().mapToInt(p -> p.resources().size()).sum()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void keysNamesAndCentreIdsAreUnique() {
        assertThat(DATA.partners()).extracting(DemoData.Partner::key).doesNotHaveDuplicates().allMatch(k -> k.matches("[a-z0-9-]+"));
        // The seeder recognises an already registered partner by its name.
        assertThat(DATA.partners()).extracting(DemoData.Partner::name).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        assertThat(DATA.centres()).extracting(DemoData.Centre::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]{1,64}"));
        assertThat(DATA.centres()).allSatisfy(c -> assertThat(List.of(c.name(), c.town(), c.address())).allMatch(s -> s != null && !s.isBlank()));
    }

    @Test
    void everyPartnerHasAValidSectorKindAndCvr() {
        List<String> problems = new ArrayList<>();
        for (DemoData.Partner p : DATA.partners()) {
            JsonNode profile = p.profile();
            check(problems, isOneOf(profile.path("sector").asText(), Sector.values()), p, "sector " + profile.path("sector"));
            check(problems, isOneOf(profile.path("kind").asText(), PartnerKind.values()), p, "kind " + profile.path("kind"));
            if (profile.has("cvr")) {
                check(problems, validCvr(profile.get("cvr").asText()), p, "CVR " + profile.get("cvr") + " fails the modulus-11 check");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void referencedCentresExistAndEveryCentreHasResidentActors() {
        Set<String> centreIds = DATA.centres().stream().map(DemoData.Centre::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> withResidents = new HashSet<>();
        for (DemoData.Partner p : DATA.partners()) {
            for (DemoData.Membership m : p.centres()) {
                check(problems, centreIds.contains(m.centreId()), p, "membership of unknown centre " + m.centreId());
                check(problems, isOneOf(m.role(), MembershipRole.values()), p, "membership role " + m.role());
                if (MembershipRole.RESIDENT_ACTOR.name().equals(m.role())) {
                    withResidents.add(m.centreId());
                }
            }
            for (ObjectNode offer : p.offers()) {
                JsonNode location = offer.path("location");
                check(problems, location.isObject(), p, "offer " + offer.path("title") + " has no location");
                if (location.hasNonNull("centreId")) {
                    check(problems, centreIds.contains(location.get("centreId").asText()), p,
                            "offer " + offer.path("title") + " at unknown centre " + location.get("centreId"));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(withResidents).containsExactlyInAnyOrderElementsOf(centreIds);
    }

    @Test
    void offersAreConsistent() {
        List<String> problems = new ArrayList<>();
        for (DemoData.Partner p : DATA.partners()) {
            for (ObjectNode offer : p.offers()) {
                String what = "offer " + offer.path("title").asText();
                check(problems, offer.path("targetGroups").size() > 0, p, what + " has no target group");
                offer.path("targetGroups").forEach(g -> check(problems, isOneOf(g.asText(), TargetGroup.values()), p, what + ": target group " + g));
                check(problems, isOneOf(offer.path("status").asText(), OfferStatus.values()), p, what + ": status " + offer.path("status"));
                offer.path("languages").forEach(l -> check(problems, l.asText().matches("[a-z]{2}"), p, what + ": language " + l));
                if (offer.hasNonNull("minimumAge") && offer.hasNonNull("maximumAge")) {
                    check(problems, offer.get("minimumAge").asInt() <= offer.get("maximumAge").asInt(), p, what + ": minimum age above maximum");
                }
                JsonNode capacity = offer.path("capacity");
                if (capacity.isObject()) {
                    check(problems, capacity.path("available").asInt() <= capacity.path("maximum").asInt(), p, what + ": more places available than exist");
                }
                for (JsonNode schedule : offer.path("schedules")) {
                    check(problems, schedule.path("byDay").size() > 0, p, what + ": a schedule without days");
                    schedule.path("byDay").forEach(d -> check(problems, isOneOf(d.asText(), DayOfWeek.values()), p, what + ": day " + d));
                    check(problems, LocalTime.parse(schedule.path("opensAt").asText()).isBefore(LocalTime.parse(schedule.path("closesAt").asText())),
                            p, what + ": closes before it opens");
                    if (schedule.hasNonNull("validTo")) {
                        check(problems, !LocalDate.parse(schedule.path("validTo").asText()).isBefore(LocalDate.parse(schedule.path("validFrom").asText())),
                                p, what + ": valid to before valid from");
                    }
                }
            }
            for (ObjectNode resource : p.resources()) {
                check(problems, isOneOf(resource.path("category").asText(), ResourceCategory.values()), p,
                        "resource " + resource.path("name") + ": category " + resource.path("category"));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What the seeder sends must also fit the events the registry publishes from it. */
    @Test
    void everyRequestBodyFitsThePublishedEventSchema() {
        List<String> problems = new ArrayList<>();
        for (DemoData.Partner p : DATA.partners()) {
            validate(problems, p, PartnerRegistered.class, p.profile().deepCopy().put("partnerId", "p-1"));
            for (ObjectNode contact : p.contacts()) {
                validate(problems, p, ContactPersonAdded.class, contact.deepCopy().put("partnerId", "p-1").put("contactPersonId", "c-1"));
            }
            for (ObjectNode offer : p.offers()) {
                ObjectNode event = DemoSeeder.offerBody(DATA, offer).deepCopy().put("partnerId", "p-1").put("offerId", "o-1");
                // The events are written without nulls (EventJson: NON_NULL), so an open-ended validTo is absent there.
                event.path("schedules").forEach(s -> ((ObjectNode) s).remove(nullFields(s)));
                validate(problems, p, OfferPublished.class, event);
            }
            for (ObjectNode resource : p.resources()) {
                validate(problems, p, ResourceShared.class, resource.deepCopy().put("partnerId", "p-1").put("resourceId", "r-1"));
            }
            for (DemoData.Membership m : p.centres()) {
                DATA.centre(m.centreId()).ifPresent(centre -> validate(problems, p, PartnerJoinedCentre.class,
                        DemoSeeder.membershipBody(centre, m).put("partnerId", "p-1").put("centreId", centre.id())));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Contact data is work data of invented people: no address may reach a real mailbox or site. */
    @Test
    void addressesAreFictitious() {
        List<String> problems = new ArrayList<>();
        for (DemoData.Partner p : DATA.partners()) {
            List<JsonNode> nodes = new ArrayList<>(p.contacts());
            nodes.add(p.profile());
            for (JsonNode node : nodes) {
                for (String field : List.of("email", "workEmail")) {
                    if (node.hasNonNull(field)) {
                        check(problems, node.get(field).asText().matches("[^@\\s]+@[a-z0-9.-]+\\.example\\.com"), p, field + " " + node.get(field));
                    }
                }
                for (String field : List.of("phone", "workPhone")) {
                    if (node.hasNonNull(field)) {
                        check(problems, node.get(field).asText().matches("\\+45( \\d\\d){4}"), p, field + " " + node.get(field));
                    }
                }
            }
            if (p.profile().hasNonNull("website")) {
                check(problems, p.profile().get("website").asText().matches("https://[a-z0-9.-]+\\.example\\.com/?"), p, "website " + p.profile().get("website"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void modulus11CheckWorks() {
        assertThat(validCvr("12972997")).isTrue();
        assertThat(validCvr("12972998")).isFalse();
        assertThat(validCvr("1297299")).isFalse();
        assertThat(validCvr("1297299a")).isFalse();
    }

    /** CVR check digit: weights 2,7,6,5,4,3,2,1; the weighted sum is divisible by 11. */
    static boolean validCvr(String cvr) {
        if (cvr == null || !cvr.matches("\\d{8}")) {
            return false;
        }
        int[] weights = {2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += weights[i] * (cvr.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }

    private static void validate(List<String> problems, DemoData.Partner p, Class<?> event, JsonNode payload) {
        EventType<?> type = PartnerEventsV1.CATALOG.byClass(event);
        SCHEMAS.validate(type, payload).forEach(v -> problems.add(p.key() + ": " + event.getSimpleName() + ": " + v));
    }

    private static List<String> nullFields(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                fields.add(e.getKey());
            }
        });
        return fields;
    }

    private static void check(List<String> problems, boolean ok, DemoData.Partner p, String problem) {
        if (!ok) {
            problems.add(p.key() + ": " + problem);
        }
    }

    private static <E extends Enum<E>> boolean isOneOf(String value, E[] values) {
        return Arrays.stream(values).anyMatch(v -> v.name().equals(value));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
