package dk.bindeled.logbook.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RefusalReason;
import dk.bindeled.events.booking.v1.RejectionReason;

/** The Danish words for why room booking said no to a meeting's room: its categories are the contract's, so are the words. */
final class RoomReasons {

    private RoomReasons() {
    }

    static String danish(String status, String reason) {
        if (reason == null || status == null) {
            return null;
        }
        try {
            return switch (status) {
                case "REFUSED" -> DanishLabels.refusalReason(RefusalReason.valueOf(reason));
                case "REJECTED" -> DanishLabels.rejectionReason(RejectionReason.valueOf(reason));
                case "CANCELLED" -> DanishLabels.cancellationReason(CancellationReason.valueOf(reason));
                default -> reason;
            };
        } catch (IllegalArgumentException newerCategory) {
            return reason;
        }
    }
}
