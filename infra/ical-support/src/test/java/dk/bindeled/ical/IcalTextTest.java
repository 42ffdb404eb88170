package dk.bindeled.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Folding at 75 octets, never inside a UTF-8 sequence, and unfolding gives the original line back. */
class IcalTextTest {

    @Test
    void danishLettersAreCountedAsTheTwoOctetsTheyTake() {
        String summary = "SUMMARY:" + "Æblekage, rødgrød med fløde og ål på Søndergårdsvej ".repeat(6).strip();
        String folded = IcalText.fold(summary + "\r\nEND:VEVENT\r\n");

        assertThat(folded).endsWith("END:VEVENT\r\n");
        assertThat(IcalText.longestLine(folded)).isLessThanOrEqualTo(75);
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            // A fold never splits a character: every line is valid UTF-8 on its own.
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line);
        }
        assertThat(unfold(folded)).isEqualTo(summary + "\r\nEND:VEVENT\r\n");
    }

    @Test
    void linesAreFilledToExactlySeventyFiveOctetsAndContinuationsStartWithOneSpace() {
        String line = "DESCRIPTION:" + "x".repeat(200);
        String[] lines = IcalText.fold(line).split("\r\n");
        assertThat(lines[0].length()).isEqualTo(75);
        assertThat(lines[1]).startsWith(" ").hasSize(75);
        assertThat(unfold(IcalText.fold(line))).isEqualTo(line + "\r\n");
    }

    @Test
    void charactersOutsideTheBasicPlaneStayWhole() {
        String line = "SUMMARY:" + "Fest 🎉 ".repeat(30);
        String folded = IcalText.fold(line);
        assertThat(IcalText.longestLine(folded)).isLessThanOrEqualTo(75);
        assertThat(folded).doesNotContain("\uFFFD");
        assertThat(unfold(folded)).isEqualTo(line + "\r\n");
    }

    @Test
    void textFoldedByCharactersIsRefoldedByOctets() {
        String line = "SUMMARY:" + "æøå ".repeat(40);
        String byCharacters = line.substring(0, 73) + "\r\n " + line.substring(73) + "\r\n";
        String folded = IcalText.fold(byCharacters);
        assertThat(IcalText.longestLine(folded)).isLessThanOrEqualTo(75);
        assertThat(IcalText.unfold(folded)).isEqualTo(line + "\r\n");
        assertThat(IcalText.fold(folded)).isEqualTo(folded);
    }

    @Test
    void bareLineFeedsBecomeCrLf() {
        assertThat(IcalText.fold("BEGIN:VCALENDAR\nEND:VCALENDAR\n")).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }

    private static String unfold(String folded) {
        return folded.replace("\r\n ", "");
    }
}
