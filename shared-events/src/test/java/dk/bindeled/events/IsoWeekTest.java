package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

    @Test
    void aWeekRunsFromMondayToSunday() {
        IsoWeek week = IsoWeek.parse("2026-W48");

        assertThat(week).isEqualTo(new IsoWeek(2026, 48));
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week).hasToString("2026-W48");
    }

    @Test
    void theFirstWeekHoldsTheYearsFirstThursday() {
        assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(IsoWeek.of(LocalDate.of(2026, 11, 24))).hasToString("2026-W48");
        assertThat(IsoWeek.keyOf(LocalDate.of(2027, 3, 1))).isEqualTo("2027-W09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-48", "2026W48", "2026-W4", "26-W48", "2026-W00", "2027-W53", "2026-W54", "uge 48", ""})
    void anythingElseIsRefusedWithTheReason(String text) {
        assertThatThrownBy(() -> IsoWeek.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
