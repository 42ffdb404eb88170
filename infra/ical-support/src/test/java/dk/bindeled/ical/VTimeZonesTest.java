package dk.bindeled.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The VTIMEZONE the feeds carry, written from the JVM's rules, with the TZID the events use. */
class VTimeZonesTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void copenhagenIsSummerTimeFromTheLastSundayOfMarchToTheLastSundayOfOctober() {
        VTimeZone zone = VTimeZones.of(COPENHAGEN);
        String text = zone.toString();

        assertThat(text).contains("TZID:Europe/Copenhagen").doesNotContain("Berlin");
        assertThat(text).contains("BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "BEGIN:STANDARD", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:CEST", "TZNAME:CET");
        assertThat(zone.getObservances()).hasSize(2);
        Observance daylight = zone.getObservances().stream().filter(o -> o instanceof Daylight).findFirst().orElseThrow();
        Observance standard = zone.getObservances().stream().filter(o -> o instanceof Standard).findFirst().orElseThrow();
        assertThat(daylight.getProperty("DTSTART").orElseThrow().getValue()).endsWith("T020000");
        assertThat(standard.getProperty("DTSTART").orElseThrow().getValue()).endsWith("T030000");
    }

    @Test
    void theObservanceInForceMatchesJavaTimeAroundBothChangesOf2027() {
        VTimeZone zone = VTimeZones.of(COPENHAGEN);
        for (LocalDateTime local : new LocalDateTime[] {
                LocalDateTime.of(2027, 3, 27, 17, 0), LocalDateTime.of(2027, 3, 28, 17, 0), LocalDateTime.of(2027, 7, 1, 12, 0),
                LocalDateTime.of(2027, 10, 30, 17, 0), LocalDateTime.of(2027, 10, 31, 17, 0), LocalDateTime.of(2027, 12, 24, 17, 0)}) {
            Observance observance = zone.getApplicableObservance(local.atZone(COPENHAGEN).toOffsetDateTime());
            ZoneOffset expected = COPENHAGEN.getRules().getOffset(local);
            assertThat(observance.getProperty("TZOFFSETTO").orElseThrow().getValue())
                    .as("offset at %s", local).isEqualTo(expected.getId().replace(":", ""));
        }
    }

    @Test
    void aZoneWithoutSummerTimeHasOneStandardObservance() {
        VTimeZone zone = VTimeZones.of(ZoneId.of("Atlantic/Reykjavik"));
        assertThat(zone.getObservances()).hasSize(1);
        assertThat(zone.toString()).contains("TZID:Atlantic/Reykjavik", "BEGIN:STANDARD", "TZOFFSETTO:+0000");
    }
}
