package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.booking.domain.QuotaLedger.Shortfall;
import dk.bindeled.booking.domain.QuotaLedger.Use;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotaPolicyTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    static final PeakTime PEAK = new PeakTime(List.of(new TimeWindow(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(23, 30))));

    static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(ZONE).toOffsetDateTime();
    }

    @Test
    void aBookingCountsInFullInTheIsoWeekOfItsLocalStartDate() {
        // Sunday 7 March 2027 23:00 to Monday 01:00 local: week 9, although Sunday 23:00 local is 22:00 UTC.
        Map<String, Use> use = QuotaPolicy.use(at(LocalDateTime.of(2027, 3, 7, 23, 0)), at(LocalDateTime.of(2027, 3, 8, 1, 0)), ZONE, PEAK);
        assertThat(use).containsExactly(Map.entry("2027-W09", new Use(120, 30)));
        assertThat(QuotaPolicy.sum(use, Map.of("2027-W09", new Use(60, 0), "2027-W10", new Use(30, 0))))
                .containsExactly(Map.entry("2027-W09", new Use(180, 30)), Map.entry("2027-W10", new Use(30, 0)));
    }

    @Test
    void thePartnersOwnQuotaAppliesElseTheCentresDefaultElseNone() {
        Quota own = new Quota(4, 2);
        Quota centre = new Quota(10, null);
        assertThat(QuotaPolicy.applying(Optional.of(own), () -> Optional.of(centre))).isEqualTo(own);
        assertThat(QuotaPolicy.applying(Optional.empty(), () -> Optional.of(centre))).isEqualTo(centre);
        assertThat(QuotaPolicy.applying(Optional.empty(), Optional::empty)).isEqualTo(QuotaPolicy.UNLIMITED);
    }

    @Test
    void aQuotaHasNoNegativeHours() {
        List<FieldProblem> problems = new ArrayList<>();
        QuotaPolicy.check(new Quota(-1, -2), "quota", problems);
        QuotaPolicy.check(null, "defaultQuota", problems);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("quota.hoursPerWeek", "quota.peakHoursPerWeek");
    }

    @Test
    void theLedgerGetsMinutesAndAChangeIsHeldOnlyToThePartsItAddsTo() {
        QuotaPolicy.Limit limit = QuotaPolicy.Limit.of(new Quota(3, 1));
        assertThat(limit).isEqualTo(new QuotaPolicy.Limit(180, 60));
        assertThat(QuotaPolicy.Limit.of(null)).isEqualTo(new QuotaPolicy.Limit(null, null));
        assertThat(limit.where(new Use(60, -30))).isEqualTo(new QuotaPolicy.Limit(180, null));
    }

    @Test
    void aRefusalNamesTheLimitTheWeekAndWhatIsHeldAndWanted() {
        Quota quota = new Quota(3, 1);
        assertThatThrownBy(() -> QuotaPolicy.reserve(refusing(new Shortfall("2027-W09", new Use(120, 0), new Use(90, 0))),
                "motalavej", "p", Map.of("2027-W09", new Use(90, 0)), quota))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("quota-exceeded"))
                .hasMessage("The partner's quota in this centre is 3 hours per week; in 2027-W09 it already holds 2 hours and this needs 1.5 more");
        assertThatThrownBy(() -> QuotaPolicy.move(refusing(new Shortfall("2027-W10", new Use(60, 60), new Use(30, 30))),
                "motalavej", "p", Map.of(), Map.of(), quota))
                .hasMessage("The partner's quota in this centre is 1 hours per week in peak time; in 2027-W10 it already holds 1 peak hours and this needs 0.5 more");
    }

    @Test
    void theStandingSaysWhatIsHeldAndLeftOfEachPartNeverBelowZero() {
        assertThat(QuotaPolicy.standing("motalavej", "p", "2027-W09", new Quota(4, 2), new Use(150, 150)))
                .isEqualTo(new dk.bindeled.booking.api.QuotaStanding("motalavej", "p", "2027-W09", 4, 2, 2.5, 2.5, 1.5, 0.0));
        // A quota lowered below what is held leaves nothing, not a negative figure; an unset part is no limit.
        assertThat(QuotaPolicy.standing("motalavej", "p", "2027-W09", new Quota(2, null), new Use(180, 0)))
                .isEqualTo(new dk.bindeled.booking.api.QuotaStanding("motalavej", "p", "2027-W09", 2, null, 3.0, 0.0, 0.0, null));
        assertThat(QuotaPolicy.standing("motalavej", "p", "2027-W09", null, new Use(0, 0)).leftHours()).isNull();
    }

    /** A ledger that finds no room, as the JDBC ledger reports it. */
    static QuotaLedger refusing(Shortfall shortfall) {
        return new QuotaLedger() {
            @Override
            public Optional<Shortfall> tryReserve(String centreId, String partnerId, Map<String, Use> use, QuotaPolicy.Limit limit) {
                return Optional.of(shortfall);
            }

            @Override
            public void release(String centreId, String partnerId, Map<String, Use> use) {
            }

            @Override
            public Use held(String centreId, String partnerId, String week) {
                return shortfall.held();
            }

            @Override
            public Optional<Shortfall> tryMove(String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to,
                                               QuotaPolicy.Limit limit) {
                return Optional.of(shortfall);
            }
        };
    }
}
