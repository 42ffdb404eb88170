package dk.bindeled.booking.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.booking.query.Views.BookingSummary;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarEntry;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.HistoryEntry;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.booking.query.Views.WaitlistEntryView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A BUSY booking's title and any booking's purpose reach only its partner's members and its centre's staff, in every view. */
class DisclosuresTest {

    static final String CENTRE = "motalavej";
    static final String PARTNER = "11111111-1111-1111-1111-111111111111";
    static final String TITLE = "Samtale med familien Hansen";
    static final String PURPOSE = "Internt: bekymring om barnet";
    static final LocalDateTime START = LocalDateTime.of(2027, 3, 2, 10, 0);
    static final OffsetDateTime AT = OffsetDateTime.parse("2027-03-02T10:00:00+01:00");

    static final Viewer MEMBER = new Viewer("m", Set.of("partner-member"), PARTNER, Set.of());
    static final Viewer STAFF = new Viewer("s", Set.of("centre-staff"), null, Set.of(CENTRE));
    static final List<Viewer> OTHERS = List.of(Viewer.ANONYMOUS,
            new Viewer("o", Set.of("partner-member"), "22222222-2222-2222-2222-222222222222", Set.of()),
            new Viewer("a", Set.of("admin"), null, Set.of()),
            new Viewer("x", Set.of("centre-manager"), null, Set.of("hedemarken")),
            new Viewer("v", Set.of("viewer", "coordinator", "caseworker"), PARTNER, Set.of(CENTRE)));

    static BookingView booking(String visibility) {
        return new BookingView("b1", "salen", "Salen", CENTRE, PARTNER, "Café Sumak", "PRIVATE", null, "w1", BookingStatus.CONFIRMED,
                false, AT, AT.plusHours(1), START, START.plusHours(1), null, false, "OTHER – fru Jensen ringede", true, "Partner left",
                false, TITLE, PURPOSE, 12, "Familier", visibility, "offer-1", null, 1, AT, AT,
                List.of(new HistoryEntry("BookingConfirmed", AT, "husleder@test", TITLE)));
    }

    static BookingSummary summary(String visibility) {
        return new BookingSummary("b1", "salen", "Salen", CENTRE, PARTNER, null, BookingStatus.CONFIRMED, false, AT, AT.plusHours(1),
                START, START.plusHours(1), false, false, TITLE, visibility, 1);
    }

    static CalendarEntry entry(String visibility) {
        return new CalendarEntry("b1", null, "salen", "Salen", CENTRE, BookingStatus.CONFIRMED, START.toLocalDate(), START,
                START.plusHours(1), AT, AT.plusHours(1), visibility, TITLE, PURPOSE, PARTNER, "Café Sumak", 12, "Familier", false);
    }

    @Test
    void theBookingPartnerAndTheCentresStaffSeeEverything() {
        for (Viewer insider : List.of(MEMBER, STAFF)) {
            assertThat(Disclosures.booking(booking("BUSY"), insider)).isEqualTo(booking("BUSY"));
            assertThat(Disclosures.summary(summary("BUSY"), insider)).isEqualTo(summary("BUSY"));
            assertThat(Disclosures.entry(entry("BUSY"), insider)).isEqualTo(entry("BUSY"));
        }
    }

    @Test
    void noOtherViewerGetsABusyTitleOrAnyPurposeNoteOrHistory() {
        for (Viewer other : OTHERS) {
            for (String visibility : List.of("BUSY", "TITLE_ONLY", "PUBLIC")) {
                BookingView b = Disclosures.booking(booking(visibility), other);
                assertThat(b.purpose()).isNull();
                assertThat(b.statusReason()).isNull();
                assertThat(b.flagReason()).isNull();
                assertThat(b.history()).isEmpty();
                CalendarEntry e = Disclosures.entry(entry(visibility), other);
                assertThat(e.purpose()).isNull();
                String everything = String.valueOf(b) + Disclosures.calendar(new CalendarView("resource", "salen", "Salen", "day",
                        LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2), "Europe/Copenhagen", List.of(entry(visibility))), other)
                        + Disclosures.summary(summary(visibility), other) + series(visibility, other) + approval(visibility, other);
                assertThat(everything).as(visibility + " for " + other).doesNotContain(PURPOSE).doesNotContain("fru Jensen");
                if (visibility.equals("BUSY")) {
                    assertThat(everything).as("BUSY for " + other).doesNotContain(TITLE).doesNotContain("Café Sumak");
                }
            }
        }
    }

    @Test
    void anotherPartnersWaitIsAPlaceInTheQueueNotAName() {
        WaitlistEntryView entry = new WaitlistEntryView("w1", "salen", PARTNER, START, START.plusHours(1), TITLE, "WAITING", null, AT);
        assertThat(Disclosures.waitlistEntry(entry, CENTRE, MEMBER)).isEqualTo(entry);
        assertThat(Disclosures.waitlistEntry(entry, CENTRE, STAFF)).isEqualTo(entry);
        for (Viewer other : OTHERS) {
            WaitlistEntryView seen = Disclosures.waitlistEntry(entry, CENTRE, other);
            assertThat(seen.partnerId()).isNull();
            assertThat(seen.title()).isNull();
            assertThat(seen.status()).isEqualTo("WAITING");
        }
    }

    private static String series(String visibility, Viewer viewer) {
        SeriesView s = new SeriesView("s1", "salen", "Salen", CENTRE, PARTNER, "Café Sumak", "FREQ=WEEKLY;COUNT=3", AT, AT.plusHours(1),
                START, START.plusHours(1), true, TITLE, PURPOSE, 12, "Familier", visibility, List.of(), 1, AT, AT,
                List.of(summary(visibility)), List.of(new HistoryEntry("SeriesBooked", AT, "husleder@test", TITLE)));
        return String.valueOf(Disclosures.series(s, viewer));
    }

    private static String approval(String visibility, Viewer viewer) {
        Approval a = new Approval("BOOKING", "b1", null, "salen", "Salen", PARTNER, "Café Sumak", TITLE, PURPOSE, 12, "Familier",
                visibility, AT, START, START.plusHours(1), AT, AT.plusHours(1), List.of());
        return String.valueOf(Disclosures.approval(a, CENTRE, viewer));
    }
}
