package dk.bindeled.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.IsoWeek;
import org.junit.jupiter.api.Test;

class WeekLabelTest {

    @Test
    void weeksAreLabelledInDanish() {
        assertThat(CentreQueries.weekLabel(IsoWeek.parse("2026-W48"))).isEqualTo("uge 48 (23.–29. november 2026)");
        assertThat(CentreQueries.weekLabel(IsoWeek.parse("2026-W49"))).isEqualTo("uge 49 (30. november–6. december 2026)");
        assertThat(CentreQueries.weekLabel(IsoWeek.parse("2026-W01"))).isEqualTo("uge 1 (29. december 2025–4. januar 2026)");
    }
}
