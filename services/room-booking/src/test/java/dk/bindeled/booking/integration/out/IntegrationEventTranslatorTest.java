package dk.bindeled.booking.integration.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.Events;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationEventTranslatorTest {

    static final OffsetDateTime START = OffsetDateTime.of(2027, 3, 2, 17, 0, 0, 0, ZoneOffset.ofHours(1));
    static final OffsetDateTime END = START.plusHours(2);
    static final BookingDetails BUSY = new BookingDetails("Samtalegruppe for voldsramte kvinder", "Henvist af kommunen", 6,
            "WOMEN_EXPOSED_TO_VIOLENCE", Visibility.BUSY, "offer-1", "meeting-1");

    @Test
    void aBusyBookingSaysOnlyThatTheTimeIsTaken() {
        List<Object> busy = List.of(
                new Events.BookingRequested("b1", "salen", "motalavej", "sumak", START, END, BUSY, null, true),
                new Events.BookingConfirmed("b1", "salen", "motalavej", "sumak", START, END, BUSY, "s1", false),
                new Events.SeriesBooked("s1", "salen", "motalavej", "sumak", BUSY, null, "FREQ=WEEKLY;COUNT=1", START, END,
                        List.of(new Occurrence("b1", START, END)), List.of(), List.of(), true));
        for (Object domainEvent : busy) {
            JsonNode json = published(domainEvent);
            assertThat(fieldNames(json)).as(domainEvent.getClass().getSimpleName())
                    .doesNotContain("title", "targetGroup", "attendees", "purpose", "offerId", "meetingId");
            assertThat(json.toString()).doesNotContain("voldsramte").doesNotContain("WOMEN_EXPOSED").doesNotContain("kommunen");
            assertThat(json.get("visibility").asText()).isEqualTo("BUSY");
        }
    }

    @Test
    void aRejectionOrCancellationLeavesWithItsCategoryAndWithoutItsNote() {
        JsonNode rejected = published(new Events.BookingRejected("b1", "salen", "motalavej", "sumak", RejectionReason.OUTSIDE_PURPOSE,
                "Fru Hansen i nr. 12 klager over larm"));
        JsonNode cancelled = published(new Events.BookingCancelled("b1", "salen", "motalavej", "sumak", START, END, true,
                CancellationReason.ORGANISER_UNAVAILABLE, "Sundhedsplejersken Mette er sygemeldt", null));
        for (JsonNode json : List.of(rejected, cancelled)) {
            assertThat(fieldNames(json)).doesNotContain("reason", "note");
            assertThat(json.toString()).doesNotContain("Hansen").doesNotContain("Mette");
        }
        assertThat(rejected.get("reasonCategory").asText()).isEqualTo("OUTSIDE_PURPOSE");
        assertThat(cancelled.get("reasonCategory").asText()).isEqualTo("ORGANISER_UNAVAILABLE");
        assertThat(cancelled.get("late").asBoolean()).isTrue();
    }

    @Test
    void aBookingThatIsNotBusyStillTellsWhatItIs() {
        BookingDetails open = new BookingDetails("Babycafé", "Unge mødre mødes", 14, "YOUNG_MOTHERS", Visibility.PUBLIC, null, null);
        JsonNode json = published(new Events.BookingConfirmed("b1", "salen", "motalavej", "sumak", START, END, open, null, false));
        assertThat(json.get("title").asText()).isEqualTo("Babycafé");
        assertThat(json.get("attendees").asInt()).isEqualTo(14);
        assertThat(json.get("targetGroup").asText()).isEqualTo("YOUNG_MOTHERS");
        assertThat(fieldNames(json)).doesNotContain("purpose");
    }

    @Test
    void lapsedHoldsLeaveAsTheirOwnTypesWithTheSlotTheyFreed() {
        BookingEvent lapsed = IntegrationEventTranslator.translate(
                new Events.BookingLapsed("b1", "salen", "motalavej", "sumak", START, END, "s1")).orElseThrow();
        BookingEvent offerLapsed = IntegrationEventTranslator.translate(
                new Events.WaitlistOfferLapsed("w1", "b2", "salen", "motalavej", "sumak")).orElseThrow();
        assertThat(lapsed).isEqualTo(new dk.bindeled.events.booking.v1.BookingLapsed("b1", "salen", "motalavej", "sumak", START, END));
        assertThat(offerLapsed).isEqualTo(new dk.bindeled.events.booking.v1.WaitlistOfferLapsed("w1", "b2", "salen", "motalavej", "sumak"));
    }

    private static JsonNode published(Object domainEvent) {
        BookingEvent event = IntegrationEventTranslator.translate(domainEvent).orElseThrow();
        return EventJson.mapper().valueToTree(event);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
