package dk.bindeled.referrals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DanishWorkingDaysTest {

    @Test
    void easterAndTheHolidaysThatHangOnItFallWhereTheCalendarSays() {
        assertThat(DanishWorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DanishWorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DanishWorkingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(DanishWorkingDays.holidays(2027)).contains(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 16), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 6, 5),
                LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26), LocalDate.of(2027, 1, 1));
        // Great Prayer Day (fourth Friday after Easter) is a working day again from 2024.
        assertThat(DanishWorkingDays.isWorkingDay(LocalDate.of(2027, 4, 23))).isTrue();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // Friday 19 March 2027 + 5 working days: Monday 22 to Wednesday 24, then Maundy Thursday, Good Friday, the weekend and
        // Easter Monday are skipped, so Tuesday 30 and Wednesday 31 March.
        assertThat(DanishWorkingDays.plusWorkingDays(LocalDate.of(2027, 3, 19), 5)).isEqualTo(LocalDate.of(2027, 3, 31));
        // Over Christmas 2026: Wednesday 23 December + 2 is Monday 28 (24, 25, 26 and the weekend are off).
        assertThat(DanishWorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(DanishWorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 1), 0)).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
