package dk.bindeled.logbook.web;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.logbook.web.Requests.RoomRequest;
import java.time.Instant;
import java.util.List;

/** Who a meeting's room is booked for, checked before the meeting is scheduled with it, as the meeting checks it. */
final class MeetingRooms {

    private MeetingRooms() {
    }

    static String partner(RoomRequest room, String callerOrg, List<String> members, Instant endsAt) {
        String partner = room.partnerId() == null || room.partnerId().isBlank() ? callerOrg : room.partnerId().strip();
        if (endsAt == null) {
            throw new InvalidInputException("endsAt", "is needed to book a room: the meeting has no end time");
        }
        if (!members.contains(partner)) {
            throw new InvalidInputException("room.partnerId", "must be one of the collaboration's partners, in whose name the room is booked");
        }
        return partner;
    }
}
