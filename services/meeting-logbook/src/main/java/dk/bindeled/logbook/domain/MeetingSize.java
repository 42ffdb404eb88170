package dk.bindeled.logbook.domain;

import dk.bindeled.events.logbook.v1.MeetingType;
import java.util.List;

/** Co-creation meetings work best with 3 to 10 participants (the research behind Bindeled): outside that, a warning, not a refusal. */
public final class MeetingSize {

    public static final int CO_CREATION_MIN = 3;
    public static final int CO_CREATION_MAX = 10;
    public static final String WARNING = "co-creation-size";

    private MeetingSize() {
    }

    public static List<String> warnings(MeetingType type, int participants) {
        if (type == MeetingType.CO_CREATION && (participants < CO_CREATION_MIN || participants > CO_CREATION_MAX)) {
            return List.of(WARNING);
        }
        return List.of();
    }
}
