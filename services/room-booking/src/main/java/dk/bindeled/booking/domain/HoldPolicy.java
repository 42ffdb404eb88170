package dk.bindeled.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * How long a booking that waits for approval ({@code bindeled.booking.holds.requested}, 48 hours) and a waitlist offer
 * ({@code bindeled.booking.holds.waitlist-offer}, 24 hours) hold their slot before they lapse. Without it a script
 * could block every room with requests nobody answers. The clock starts when the hold starts and a move does not
 * restart it, so moving a request cannot keep a slot blocked for ever.
 */
public record HoldPolicy(Duration requested, Duration waitlistOffer) {

    public static final Duration DEFAULT_REQUESTED = Duration.ofHours(48);
    public static final Duration DEFAULT_WAITLIST_OFFER = Duration.ofHours(24);
    /** The deadline's name on the schedule's scope. */
    public static final String DEADLINE = "booking-hold";
    /** The deadline of a series that waits for approval: one for all its occurrences, as it is approved as one. */
    public static final String SERIES_DEADLINE = "series-hold";
    /** Who lapses a hold: nobody signed in, the rule itself. */
    public static final String ACTOR = "system:hold-policy";

    public HoldPolicy {
        if (requested == null || requested.isNegative() || requested.isZero()
                || waitlistOffer == null || waitlistOffer.isNegative() || waitlistOffer.isZero()) {
            throw new IllegalArgumentException("A hold lasts a positive time, not " + requested + " / " + waitlistOffer);
        }
    }

    /**
     * The deadline's payload: which booking, and in which state it was held. A deadline whose booking has since been
     * decided (approved, rejected, cancelled, accepted, or lapsed already) no longer matches and is ignored: db-scheduler
     * may run a deadline again after a crash, so the check is needed anyway, and it spares cancelling the deadline
     * (the schedule keeps no deadline ids, which would have to come from events).
     */
    public record Hold(String bookingId, boolean offer) {
    }

    /**
     * The deadline's payload for a series waiting for approval. When it fires, the occurrences still waiting lapse
     * together; one approved or rejected on its own since is no longer waiting and is left alone.
     */
    public record SeriesHold(String seriesId) {
    }

    Duration of(Hold hold) {
        return hold.offer() ? waitlistOffer : requested;
    }

    /**
     * How long a hold that starts now lasts: its hold time, or until its slot starts if that is sooner, since a booking
     * under way can no longer be approved or accepted and would otherwise keep its slot to the end. A duration, not an
     * instant, because the deadline manager counts on its own clock, which need not be the schedule's.
     */
    Duration lastsFor(Hold hold, Instant now, Instant slotStart) {
        return shorter(of(hold), now, slotStart);
    }

    /**
     * How long a series' request holds its slots: the request's hold time, or until its last occurrence starts if that
     * is sooner. Not its first: the occurrences still to come can be approved after the first has started.
     */
    Duration lastsFor(SeriesHold hold, Instant now, Instant lastStart) {
        return shorter(requested, now, lastStart);
    }

    private static Duration shorter(Duration hold, Instant now, Instant slotStart) {
        Duration untilStart = Duration.between(now, slotStart);
        if (untilStart.isNegative()) {
            return Duration.ZERO;
        }
        return untilStart.compareTo(hold) < 0 ? untilStart : hold;
    }

    /** Starts the hold of a booking waiting for approval or of a waitlist offer, made now. */
    void schedule(DeadlineManager deadlines, Hold hold, Instant now, OffsetDateTime slotStart) {
        deadlines.schedule(lastsFor(hold, now, slotStart.toInstant()), DEADLINE, deadline(hold));
    }

    /** Starts the hold of a series waiting for approval, requested now. */
    void schedule(DeadlineManager deadlines, SeriesHold hold, Instant now, Instant lastStart) {
        deadlines.schedule(lastsFor(hold, now, lastStart), SERIES_DEADLINE, deadline(hold));
    }

    <T> Message<T> deadline(T hold) {
        return new GenericMessage<>(hold, MetaData.with("actor", ACTOR));
    }
}
