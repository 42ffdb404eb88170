package dk.bindeled.booking.domain;

import dk.bindeled.events.booking.v1.RefusalReason;
import java.util.Optional;

/**
 * How a booking rule's refusal is told to another service that asked for the booking through events (the meeting
 * logbook): a category and the rule's short name. Only a rule's refusal is one; anything else (an id already in use, a
 * failure) is not answered as a refusal, so the request is retried or dead-lettered instead of wrongly refused.
 */
public record RoomRequestRefusal(RefusalReason reason, String rule, String detail) {

    public static Optional<RoomRequestRefusal> of(RuntimeException refused) {
        if (refused instanceof BookingConflictException e) {
            return Optional.of(new RoomRequestRefusal(RefusalReason.TIME_TAKEN, "time-taken", e.getMessage()));
        }
        if (refused instanceof RuleViolationException e && !"id-in-use".equals(e.code())) {
            return Optional.of(new RoomRequestRefusal(QuotaPolicy.RULE.equals(e.code()) ? RefusalReason.QUOTA_EXCEEDED : RefusalReason.OTHER,
                    e.code(), e.getMessage()));
        }
        if (refused instanceof NotAllowedException e) {
            return Optional.of(new RoomRequestRefusal(RefusalReason.PARTNER_NOT_ALLOWED, "partner-not-allowed", e.getMessage()));
        }
        if (refused instanceof InvalidInputException e) {
            boolean partner = e.problems().stream().anyMatch(p -> "partnerId".equals(p.field()));
            return Optional.of(partner
                    ? new RoomRequestRefusal(RefusalReason.PARTNER_NOT_ALLOWED, "partner-unknown", e.getMessage())
                    : new RoomRequestRefusal(RefusalReason.NOT_BOOKABLE_THEN, "not-bookable-then", e.getMessage()));
        }
        return Optional.empty();
    }
}
