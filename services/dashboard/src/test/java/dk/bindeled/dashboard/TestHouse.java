package dk.bindeled.dashboard;

import dk.bindeled.testsupport.MutableClock;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.ResourceDefined;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A centre of its own for one test (the booking topic carries the events of every test class), open Monday to
 * Friday 09.00–17.00 in Copenhagen, with one room ("Salen") and one partner, published through the broker.
 */
final class TestHouse {

    final String centreId;
    final String centreName;
    final String roomId;
    final PartnerRegistered partner;

    private TestHouse(String suffix) {
        centreId = "hus-" + suffix;
        centreName = "Kvarterhuset " + suffix;
        roomId = centreId + "-salen";
        partner = DashboardIntegrationTest.newPartner("Sundhedsplejen " + suffix);
    }

    /** Publishes the partner, the centre and its room, and waits until the dashboard has applied them. */
    static TestHouse create(DashboardIntegrationTest test) {
        TestHouse house = new TestHouse(UUID.randomUUID().toString().substring(0, 8));
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        DashboardIntegrationTest.publish(house.partner);
        DashboardIntegrationTest.publish(new CentreDefined(house.centreId, house.centreName, "Motalavej 2, 4220 Korsør",
                "Europe/Copenhagen", null, hours, 48));
        DashboardIntegrationTest.publish(new ResourceDefined(house.roomId, house.centreId, "Salen", ResourceKind.ROOM, 40, List.of(),
                15, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode centre : test.getJson("/api/centres")) {
                if (centre.get("centreId").asString().equals(house.centreId) && centre.get("resources").asLong() == 1) {
                    return true;
                }
            }
            return false;
        });
        // The partner's name comes from the other topic: wait for that too, so organisers are named.
        test.awaitCaughtUp();
        return house;
    }

    /** A confirmed booking of the room, by the house's partner, at local Copenhagen times such as "2026-11-24T10:00". */
    BookingConfirmed confirmed(String start, String end, Visibility visibility, String title) {
        return new BookingConfirmed(UUID.randomUUID().toString(), roomId, centreId, partner.partnerId(), local(start), local(end),
                visibility, title, null, null, null, false);
    }

    static OffsetDateTime local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.COPENHAGEN).toOffsetDateTime();
    }
}
