package dk.bindeled.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.events.referral.v1.ReferralSent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * A collaboration's timeline with what the other services did for it, from their events on the real broker: the rooms
 * its meetings booked, by where each stands, and the referrals among its partners since it started, by step and target
 * group — a referral to or from an outsider, or one entered in error, not among them. Counts only, in the view, the
 * OParl-shaped export and the PDF.
 */
class LinkedActivityIT extends IntegrationTest {

    static final UUID HUS = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c21");
    static final UUID HOMEWORK = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c24");
    static final UUID OUTSIDER = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c29");
    private static final CloudEventCodec BOOKING = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    private static final CloudEventCodec REFERRAL = new CloudEventCodec(ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE);

    final String coordinator = tokenOf("karin@foreningernes-hus", HUS, "coordinator");


    @Test
    void theTimelineCountsTheMeetingsRoomsAndTheReferralsAmongItsPartners() throws Exception {
        String collaboration = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations", Map.of("title", "Lektiecafé og familier",
                "purpose", "Familierne henvises til lektiecaféen og omvendt", "form", "SAMVIRKE",
                "coordinator", Map.of("name", "Karin Holm", "role", "koordinator"),
                "partners", List.of(Map.of("org", HOMEWORK.toString(), "role", "PARTICIPANT"))))).body().get("id").asText();
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String meeting = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings", Map.of(
                "type", "COORDINATION", "title", "Koordinering", "startsAt", start.toString(), "endsAt", start.plus(1, ChronoUnit.HOURS).toString(),
                "room", Map.of("resourceId", "hus-moedelokalet")))).body().get("id").asText();
        String bookingId = expect(200, callAs(coordinator, HttpMethod.GET, "/api/meetings/" + meeting, null)).body().path("room").path("bookingId").asText();
        OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
        publish(BOOKING, new BookingConfirmed(bookingId, "hus-moedelokalet", "hus", HUS.toString(), from, from.plusHours(1), Visibility.TITLE_ONLY,
                "Koordinering", 2, null, null, false, meeting));

        String among = UUID.randomUUID().toString();
        String back = UUID.randomUUID().toString();
        String error = UUID.randomUUID().toString();
        publish(REFERRAL, new ReferralSent(among, HUS.toString(), HOMEWORK.toString(), "offer-1", TargetGroup.CHILDREN, false));
        publish(REFERRAL, new ReferralAccepted(among, HUS.toString(), HOMEWORK.toString(), "offer-1", TargetGroup.CHILDREN));
        publish(REFERRAL, new ReferralAccepted(among, HUS.toString(), HOMEWORK.toString(), "offer-1", TargetGroup.CHILDREN));
        publish(REFERRAL, new ReferralSent(back, HOMEWORK.toString(), HUS.toString(), "offer-2", TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN, false));
        publish(REFERRAL, new ReferralSent(error, HOMEWORK.toString(), HUS.toString(), "offer-2", TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN, false));
        publish(REFERRAL, new ReferralEnteredInError(error, HOMEWORK.toString(), HUS.toString(), "offer-2", TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN));
        publish(REFERRAL, new ReferralSent(UUID.randomUUID().toString(), OUTSIDER.toString(), HOMEWORK.toString(), "offer-1",
                TargetGroup.CHILDREN, false));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode links = expect(200, callAs(coordinator, HttpMethod.GET, "/api/collaborations/" + collaboration, null)).body().get("links");
            assertThat(links.path("rooms").path("total").asInt()).isEqualTo(1);
            assertThat(links.path("rooms").path("byCategory").path("CONFIRMED").asInt()).isEqualTo(1);
            assertThat(links.path("referrals").path("total").asInt()).isEqualTo(2);
            assertThat(links.path("referrals").path("byCategory").path("ACCEPTED").asInt()).isEqualTo(1);
            assertThat(links.path("referrals").path("byCategory").path("SENT").asInt()).isEqualTo(1);
            assertThat(links.path("referralsByTargetGroup").path("byCategory").path("VULNERABLE_FAMILIES_WITH_CHILDREN").asInt()).isEqualTo(1);
        });
        JsonNode exported = expect(200, callAs(coordinator, HttpMethod.GET, "/api/collaborations/" + collaboration + "/export.json", null)).body();
        assertThat(exported.path("linkedActivity").path("referralsAmongPartners").path("total").asInt()).isEqualTo(2);
        byte[] pdf = org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/collaborations/" + collaboration + "/export.pdf").header("Authorization", "Bearer " + coordinator).retrieve().body(byte[].class);
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(text.toString()).contains("Lokaler bestilt til møderne: 1 (1 bekræftet)")
                    .contains("Henvisninger mellem samarbejdets aktører, siden det startede: 2");
        }
    }
}
