package dk.bindeled.booking.query;

import static dk.bindeled.booking.query.CalendarFixtures.at;
import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.query.FairnessReports.Grouping;
import dk.bindeled.booking.query.Views.FairnessPeriod;
import dk.bindeled.booking.query.Views.FairnessReport;
import dk.bindeled.booking.query.Views.PartnerHours;
import dk.bindeled.booking.query.Views.SectorHours;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Confirmed hours per partner and sector, per week and month, split into peak (Tue/Thu 16–20) and off-peak. */
class FairnessReportIT extends IntegrationTest {

    CalendarProjection projection;
    @Autowired
    FairnessReports reports;

    CalendarFixtures events;
    String centre;
    String sumak;
    String kommunen;
    String forening;

    @BeforeEach
    void setUp() {
        projection = new CalendarProjection(jdbc);
        events = CalendarFixtures.direct(projection, jdbc);
        centre = events.centre("fair");
        String salen = events.resource(centre, "Salen", 40, java.util.List.of(), 0, false);
        String kokken = events.resource(centre, "Køkkenet", 10, java.util.List.of("køkken"), 0, false);
        sumak = events.partner("Café Sumak", "PRIVATE");
        kommunen = events.partner("Familieafdelingen", "PUBLIC");
        forening = events.partner("Foreningen Brændpunktet", "THIRD_SECTOR");
        // Week 9 (1–7 March): Sumak 2 h peak (Tue 16–18) + 3 h off-peak; Kommunen 1 h peak + 1 h off (Thu 15–17).
        book(salen, sumak, LocalDateTime.of(2027, 3, 2, 16, 0), 2);
        book(kokken, sumak, LocalDateTime.of(2027, 3, 3, 10, 0), 3);
        book(salen, kommunen, LocalDateTime.of(2027, 3, 4, 15, 0), 2);
        // Not counted: requested, cancelled, outside the period.
        events.requested(salen, centre, forening, LocalDateTime.of(2027, 3, 5, 10, 0), LocalDateTime.of(2027, 3, 5, 12, 0),
                details("Afventer", Visibility.PUBLIC));
        String cancelled = book(salen, forening, LocalDateTime.of(2027, 3, 6, 10, 0), 4);
        events.resourceEvent(salen, new BookingCancelled(cancelled, salen, centre, forening, at(LocalDateTime.of(2027, 3, 6, 10, 0)),
                at(LocalDateTime.of(2027, 3, 6, 14, 0)), false, CancellationReason.ORGANISER_CANCELLED, null, null));
        book(salen, forening, LocalDateTime.of(2027, 4, 1, 10, 0), 5);
        // Week 10: Foreningen 2 h peak (Tue 18–20) + 1 h off (20–21).
        book(kokken, forening, LocalDateTime.of(2027, 3, 9, 18, 0), 3);
    }

    private String book(String resource, String partner, LocalDateTime start, int hours) {
        return events.confirmed(resource, centre, partner, start, start.plusHours(hours), details("Aktivitet", Visibility.PUBLIC));
    }

    @Test
    void weeksShowHoursPerPartnerAndSectorAndThePeakShare() {
        FairnessReport report = reports.report(centre, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14), Grouping.WEEK);

        assertThat(report.by()).isEqualTo("week");
        assertThat(report.periods()).extracting(FairnessPeriod::period).containsExactly("2027-W09", "2027-W10");
        FairnessPeriod week9 = report.periods().get(0);
        assertThat(week9.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(week9.to()).isEqualTo(LocalDate.of(2027, 3, 7));
        assertThat(week9.hours()).isEqualTo(7.0);
        assertThat(week9.peakHours()).isEqualTo(3.0);
        assertThat(week9.offPeakHours()).isEqualTo(4.0);
        assertThat(week9.peakShare()).isEqualTo(0.429);
        assertThat(week9.partners()).extracting(PartnerHours::name, PartnerHours::sector, PartnerHours::hours, PartnerHours::peakHours,
                        PartnerHours::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Café Sumak", "PRIVATE", 5.0, 2.0, 0.714),
                        org.assertj.core.groups.Tuple.tuple("Familieafdelingen", "PUBLIC", 2.0, 1.0, 0.286));
        assertThat(week9.sectors()).extracting(SectorHours::sector, SectorHours::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PRIVATE", 5.0), org.assertj.core.groups.Tuple.tuple("PUBLIC", 2.0));

        FairnessPeriod week10 = report.periods().get(1);
        assertThat(week10.partners()).singleElement().satisfies(p -> {
            assertThat(p.partnerId()).isEqualTo(forening);
            assertThat(p.sector()).isEqualTo("THIRD_SECTOR");
            assertThat(p.hours()).isEqualTo(3.0);
            assertThat(p.peakHours()).isEqualTo(2.0);
        });
        assertThat(week10.peakShare()).isEqualTo(0.667);
        assertThat(report.total().hours()).isEqualTo(10.0);
        assertThat(report.total().peakShare()).isEqualTo(0.5);
        assertThat(report.peakHours()).hasSize(2);
    }

    @Test
    void aMonthIsOnePeriodAndEmptyWeeksAreListedWithNoHours() {
        FairnessReport month = reports.report(centre, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), Grouping.MONTH);
        assertThat(month.periods()).singleElement().satisfies(p -> {
            assertThat(p.period()).isEqualTo("2027-03");
            assertThat(p.hours()).isEqualTo(10.0);
            assertThat(p.sectors()).extracting(SectorHours::sector).containsExactly("PRIVATE", "THIRD_SECTOR", "PUBLIC");
        });
        FairnessReport weeks = reports.report(centre, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 28), Grouping.WEEK);
        assertThat(weeks.periods()).extracting(FairnessPeriod::period).containsExactly("2027-W11", "2027-W12");
        assertThat(weeks.periods()).allSatisfy(p -> {
            assertThat(p.hours()).isZero();
            assertThat(p.peakShare()).isZero();
            assertThat(p.partners()).isEmpty();
        });
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> reports.report(centre, LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 1), Grouping.WEEK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }
}
