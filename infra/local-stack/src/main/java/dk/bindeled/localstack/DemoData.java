package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The demo data in {@code demo-data.json}: centres, and partners with what the partner registry's REST API
 * takes for each (profile, contacts, offers, resources, centre memberships). The request bodies are kept as
 * JSON so the file, not Java code, decides what is sent. The {@code booking} part is what room-booking is
 * given: each centre's opening hours, peak time, notice period, quotas and resources, recurring series and
 * single bookings, with partners named by their key.
 */
record DemoData(String about, List<Centre> centres, List<Partner> partners, Booking booking) {

    static final String RESOURCE = "demo-data.json";

    DemoData {
        centres = centres == null ? List.of() : List.copyOf(centres);
        partners = partners == null ? List.of() : List.copyOf(partners);
        booking = booking == null ? new Booking(null, null, null, null) : booking;
    }

    /** A citizen centre; its id is what the registry's centre membership and offer locations refer to. */
    record Centre(String id, String name, String town, String address, String description) {
    }

    /** A membership: the partner is a fixed (RESIDENT_ACTOR) or an ad-hoc actor in a centre. */
    record Membership(String centreId, String role) {
    }

    record Partner(String key, ObjectNode profile, List<ObjectNode> contacts, List<ObjectNode> offers,
                   List<ObjectNode> resources, List<Membership> centres) {
        Partner {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
            offers = offers == null ? List.of() : List.copyOf(offers);
            resources = resources == null ? List.of() : List.copyOf(resources);
            centres = centres == null ? List.of() : List.copyOf(centres);
        }

        String name() {
            return profile.path("name").asText();
        }

        /**
         * The id the partner is registered under, derived from its key as the identity provider's
         * {@code DemoPartnerIds} derives the {@code org} claim of its demo users (both pinned by a test).
         */
        java.util.UUID id() {
            return java.util.UUID.nameUUIDFromBytes(("bindeled-demo-partner:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    Optional<Centre> centre(String id) {
        return centres.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    Optional<Partner> partner(String key) {
        return partners.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Room booking's demo data. */
    record Booking(String about, List<BookingCentre> centres, List<Series> series, List<Single> singles) {
        Booking {
            centres = centres == null ? List.of() : List.copyOf(centres);
            series = series == null ? List.of() : List.copyOf(series);
            singles = singles == null ? List.of() : List.copyOf(singles);
        }

        Optional<BookingCentre> centre(String centreId) {
            return centres.stream().filter(c -> c.centreId().equals(centreId)).findFirst();
        }

        /** The centre a resource belongs to, with the resource. */
        Optional<PlacedResource> resource(String resourceId) {
            for (BookingCentre centre : centres) {
                for (ObjectNode resource : centre.resources()) {
                    if (resourceId.equals(resource.path("id").asText(null))) {
                        return Optional.of(new PlacedResource(centre, resource));
                    }
                }
            }
            return Optional.empty();
        }
    }

    record PlacedResource(BookingCentre centre, ObjectNode resource) {
        Integer maxLengthMinutes() {
            JsonNode max = resource.path("rules").path("maxLengthMinutes");
            return max.isInt() ? max.asInt() : null;
        }
    }

    /**
     * A centre as room-booking is told about it (its name and address come from the centre list).
     * {@code manager} and the quotas' {@code partner} are partner keys; so are a resource's
     * {@code rules.listedPartners}. Resources are the request bodies of {@code POST /api/centres/{id}/resources}.
     */
    record BookingCentre(String centreId, String manager, List<Hours> openingHours, int cancellationNoticeHours,
                         List<Window> peakHours, Quota defaultQuota, List<PartnerQuota> quotas, List<ObjectNode> resources) {
        BookingCentre {
            openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
            peakHours = peakHours == null ? List.of() : List.copyOf(peakHours);
            quotas = quotas == null ? List.of() : List.copyOf(quotas);
            resources = resources == null ? List.of() : List.copyOf(resources);
        }

        /** The opening windows on one weekday, by opening time. */
        List<Hours> hoursOn(DayOfWeek day) {
            return openingHours.stream().filter(h -> h.days().contains(day))
                    .sorted(java.util.Comparator.comparing(Hours::opensAt)).toList();
        }
    }

    /** Opening hours, the same on each of {@code days}; times as "08:00". */
    record Hours(List<DayOfWeek> days, String opens, String closes) {
        Hours {
            days = days == null ? List.of() : List.copyOf(days);
        }

        LocalTime opensAt() {
            return LocalTime.parse(opens);
        }

        LocalTime closesAt() {
            return LocalTime.parse(closes);
        }
    }

    /** Peak time, the same on each of {@code days}. */
    record Window(List<DayOfWeek> days, String from, String to) {
        Window {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    record Quota(Integer hoursPerWeek, Integer peakHoursPerWeek) {
    }

    record PartnerQuota(String partner, Integer hoursPerWeek, Integer peakHoursPerWeek) {
    }

    /**
     * A recurring series: one series per day in {@code days}, from {@code from} to {@code to}, starting at the
     * next such day after the seeding, {@code count} times ({@code WEEKLY}, {@code BIWEEKLY} or {@code MONTHLY}).
     */
    record Series(String resource, String partner, List<DayOfWeek> days, String from, String to, String frequency,
                  int count, String title, String purpose, Integer attendees, String targetGroup, String visibility) {
        Series {
            days = days == null ? List.of() : List.copyOf(days);
        }

        LocalTime fromTime() {
            return LocalTime.parse(from);
        }

        LocalTime toTime() {
            return LocalTime.parse(to);
        }
    }

    /**
     * A single booking. Either relative to the seeding ({@code startsInMinutes}, {@code minutes}): 1 means
     * "on now" a minute or two later; or on the next {@code day} after the seeding, {@code from}–{@code to}.
     */
    record Single(String resource, String partner, Integer startsInMinutes, Integer minutes, DayOfWeek day, String from,
                  String to, String title, String purpose, Integer attendees, String targetGroup, String visibility) {

        boolean relative() {
            return startsInMinutes != null;
        }
    }

    static DemoData load() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            return new ObjectMapper().readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
