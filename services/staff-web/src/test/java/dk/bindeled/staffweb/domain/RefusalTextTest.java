package dk.bindeled.staffweb.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalTextTest {

    @Test
    void roomBookingsReasonsReadInDanishWithTheirFigures() {
        assertThat(RefusalText.reason("is in the past")).isEqualTo("ligger før nu");
        assertThat(RefusalText.reason("is outside the centre's opening hours on SUNDAY"))
                .isEqualTo("ligger uden for husets åbningstid om søndag");
        assertThat(RefusalText.reason("makes the booking 600 minutes; the resource allows at most 480"))
                .isEqualTo("gør bookingen 600 minutter lang; lokalet må højst bookes 480 minutter ad gangen");
        assertThat(RefusalText.reason("40 is more than the 14 the resource holds"))
                .isEqualTo("40 er flere end de 14 personer, lokalet har plads til");
        assertThat(RefusalText.reason("is more than 180 days ahead")).isEqualTo("ligger mere end 180 dage fremme");
    }

    @Test
    void aReasonNotKnownHereIsStillShownAndMarkedAsTheServices() {
        assertThat(RefusalText.reason("must be a prime number")).isEqualTo("afvist af tjenesten: must be a prime number");
        assertThat(RefusalText.reason(null)).isEqualTo("er ikke gyldig");
    }

    @Test
    void brokenRulesHaveDanishExplanations() {
        assertThat(RefusalText.rule("quota-exceeded")).startsWith("Jeres kvote i huset er brugt op");
        assertThat(RefusalText.rule("not-pending")).contains("venter ikke længere");
        assertThat(RefusalText.rule("no-such-rule")).isNull();
        assertThat(RefusalText.rule(null)).isNull();
    }
}
