package dk.bindeled.staffweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats da = new Formats();

    @Test
    void datesAndTimesAreDanishAndInCopenhagen() {
        assertThat(da.time("2026-12-03T14:00:00")).isEqualTo("14.00");
        // An offset time is shown in Copenhagen's wall-clock time (UTC+1 in December, UTC+2 in summer).
        assertThat(da.time("2026-12-03T13:00:00Z")).isEqualTo("14.00");
        assertThat(da.time("2027-06-03T12:00:00Z")).isEqualTo("14.00");
        assertThat(da.dateTime("2026-12-03T14:00")).isEqualTo("torsdag 3. december kl. 14.00");
        assertThat(da.range("2026-12-03T14:00", "2026-12-03T16:30")).isEqualTo("14.00–16.30");
        assertThat(da.longDate("2026-12-03")).isEqualTo("Torsdag 3. december 2026");
        assertThat(da.weekday("THURSDAY")).isEqualTo("torsdag");
        assertThat(da.clock("09:30")).isEqualTo("09.30");
    }

    @Test
    void numbersHaveADecimalComma() {
        assertThat(da.number(1234.5)).isEqualTo("1.234,5");
        assertThat(da.percent(0.255)).isEqualTo("25,5 %");
        assertThat(da.number("not a number")).isEmpty();
    }

    @Test
    void codesReadAsDanishWordsAndMissingValuesAsNothing() {
        assertThat(da.status("REQUESTED")).isEqualTo("Afventer godkendelse");
        assertThat(da.sector("THIRD_SECTOR")).isEqualTo("Civilsamfund (tredje sektor)");
        assertThat(da.targetGroup("YOUNG_MOTHERS")).isEqualTo("Unge mødre");
        assertThat(da.visibility("BUSY")).isEqualTo("Kun \"optaget\" vises");
        assertThat(da.time(null)).isEmpty();
        assertThat(da.status(null)).isEmpty();
    }

    @Test
    void aReaderOfTheAccessLogIsAPersonOrAStatusLinkSaidSo() {
        assertThat(da.reader("fatima")).isEqualTo("fatima");
        assertThat(da.reader("status-link:24f38d1c-8c20-429d-bdc7-895b55e0340b")).isEqualTo("Statuslink 24f38d1c (en uden adgang til Bindeled)");
        assertThat(da.reader(null)).isEmpty();
    }
}
