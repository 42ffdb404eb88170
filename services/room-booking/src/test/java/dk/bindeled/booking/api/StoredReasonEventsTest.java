package dk.bindeled.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.booking.integration.out.IntegrationEventTranslator;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

/**
 * Rejections and cancellations stored before reasons had categories hold only a free-text {@code reason}. They are
 * read with the serializer the event store uses: the text becomes the note, the category {@code OTHER}.
 */
class StoredReasonEventsTest {

    private final Serializer serializer = new AxonSupportAutoConfiguration().serializer();

    @Test
    void aCancellationStoredWithOnlyAReasonLoadsWithItAsTheNote() throws Exception {
        Events.BookingCancelled old = read(Events.BookingCancelled.class, """
                {"bookingId":"b1","resourceId":"salen","centreId":"motalavej","partnerId":"sumak",
                 "start":"2027-03-02T17:00:00+01:00","end":"2027-03-02T19:00:00+01:00","late":true,
                 "reason":"Sundhedsplejersken er syg","seriesId":"s1"}""");
        assertThat(old).isEqualTo(new Events.BookingCancelled("b1", "salen", "motalavej", "sumak",
                OffsetDateTime.of(2027, 3, 2, 17, 0, 0, 0, ZoneOffset.ofHours(1)), OffsetDateTime.of(2027, 3, 2, 19, 0, 0, 0, ZoneOffset.ofHours(1)),
                true, CancellationReason.OTHER, "Sundhedsplejersken er syg", "s1"));
        // Replayed to the Kafka publisher, the old text still goes nowhere.
        String published = EventJson.mapper().writeValueAsString(IntegrationEventTranslator.translate(old).orElseThrow());
        assertThat(published).contains("\"reasonCategory\":\"OTHER\"").doesNotContain("syg");
    }

    @Test
    void aRejectionStoredWithOnlyAReasonLoadsWithItAsTheNote() {
        Events.BookingRejected old = read(Events.BookingRejected.class, """
                {"bookingId":"b1","resourceId":"salen","centreId":"motalavej","partnerId":"sumak","reason":"Husrådsmøde"}""");
        assertThat(old).isEqualTo(new Events.BookingRejected("b1", "salen", "motalavej", "sumak", RejectionReason.OTHER, "Husrådsmøde"));
    }

    @Test
    void aNewCancellationKeepsItsCategoryAndNoteThroughTheStore() {
        Events.BookingCancelled event = new Events.BookingCancelled("b2", "salen", "motalavej", "sumak",
                OffsetDateTime.of(2027, 3, 2, 17, 0, 0, 0, ZoneOffset.ofHours(1)), OffsetDateTime.of(2027, 3, 2, 19, 0, 0, 0, ZoneOffset.ofHours(1)),
                false, CancellationReason.TOO_FEW_PARTICIPANTS, "Kun to tilmeldte", null);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("\"reason\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    private <T> T read(Class<T> type, String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), null));
    }
}
