package dk.bindeled.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.logbook.v1.MeetingType;
import org.junit.jupiter.api.Test;

class MeetingSizeTest {

    @Test
    void aCoCreationMeetingOutsideThreeToTenIsWarnedOthersNever() {
        assertThat(MeetingSize.warnings(MeetingType.CO_CREATION, 2)).containsExactly(MeetingSize.WARNING);
        assertThat(MeetingSize.warnings(MeetingType.CO_CREATION, 3)).isEmpty();
        assertThat(MeetingSize.warnings(MeetingType.CO_CREATION, 10)).isEmpty();
        assertThat(MeetingSize.warnings(MeetingType.CO_CREATION, 11)).containsExactly(MeetingSize.WARNING);
        assertThat(MeetingSize.warnings(MeetingType.NETWORK, 12)).isEmpty();
    }
}
