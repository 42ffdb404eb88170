package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.QuotaStanding;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.booking.domain.QuotaLedger.Shortfall;
import dk.bindeled.booking.domain.QuotaLedger.Use;
import dk.bindeled.events.IsoWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Fair access in hours: a partner may hold at most so many hours per centre and ISO week, in all and inside the
 * centre's peak time. A booking counts in full in the ISO week of the local date it starts on, from the moment it is
 * requested (it holds the slot while it waits) until it is rejected or cancelled; a waitlist offer counts once it is
 * accepted. The partner's own quota applies, else the centre's default, else none. The ledger only keeps the sums
 * and applies the limits stated here atomically; what a refusal says is stated here too.
 */
public final class QuotaPolicy {

    /** The rule a refusal names. */
    public static final String RULE = "quota-exceeded";
    /** No limit in either part. */
    public static final Quota UNLIMITED = new Quota(null, null);

    /** A quota in the ledger's unit: the most minutes a week may hold, in all and in peak time (null: no limit). */
    public record Limit(Integer minutes, Integer peakMinutes) {

        public static Limit of(Quota quota) {
            return quota == null ? new Limit(null, null) : new Limit(quota.hoursPerWeek() == null ? null : quota.hoursPerWeek() * 60,
                    quota.peakHoursPerWeek() == null ? null : quota.peakHoursPerWeek() * 60);
        }

        /**
         * The limits a change of one week is held to when it may also give back: only the parts it adds to, so a
         * move that lowers a week already over a (since lowered) limit is not refused for that week.
         */
        public Limit where(Use change) {
            return new Limit(change.minutes() > 0 ? minutes : null, change.peakMinutes() > 0 ? peakMinutes : null);
        }
    }

    private QuotaPolicy() {
    }

    /** A quota as given: each part absent (no limit) or at least zero hours. */
    public static void check(Quota quota, String field, List<FieldProblem> problems) {
        if (quota == null) {
            return;
        }
        if (quota.hoursPerWeek() != null && quota.hoursPerWeek() < 0) {
            problems.add(new FieldProblem(field + ".hoursPerWeek", "must not be negative"));
        }
        if (quota.peakHoursPerWeek() != null && quota.peakHoursPerWeek() < 0) {
            problems.add(new FieldProblem(field + ".peakHoursPerWeek", "must not be negative"));
        }
    }

    /** The quota that applies to a partner: its own in the centre, else the centre's default, else none. */
    public static Quota applying(Optional<Quota> own, Supplier<Optional<Quota>> centreDefault) {
        return own.or(centreDefault).orElse(UNLIMITED);
    }

    /** What [start, end) counts against the quota: its minutes in all and in peak time, in the week of its local start date. */
    public static Map<String, Use> use(OffsetDateTime start, OffsetDateTime end, ZoneId zone, PeakTime peakTime) {
        int minutes = (int) Duration.between(start, end).toMinutes();
        int peak = (int) peakTime.minutesIn(Times.local(start, zone), Times.local(end, zone), minutes);
        Map<String, Use> use = new TreeMap<>();
        use.put(IsoWeek.keyOf(Times.local(start, zone).toLocalDate()), new Use(minutes, peak));
        return use;
    }

    static Map<String, Use> use(Held booking, CentreRules centre) {
        return use(booking.start(), booking.end(), centre.zone(), centre.peakTime());
    }

    /** Several bookings' use, week by week (a series counts as one reservation). */
    public static Map<String, Use> sum(Map<String, Use> a, Map<String, Use> b) {
        Map<String, Use> total = new TreeMap<>(a);
        b.forEach((week, use) -> total.merge(week, use, Use::plus));
        return total;
    }

    /** Gives back what bookings of one partner held, every week in one pass in the ledger's order. */
    static void release(QuotaLedger ledger, String centreId, List<Held> bookings, CentreRules centre) {
        Map<String, Use> total = new TreeMap<>();
        for (Held booking : bookings) {
            total = sum(total, use(booking, centre));
        }
        ledger.release(centreId, bookings.get(0).partnerId(), total);
    }

    /** Reserves the use in the ledger, or refuses the booking saying which week would overshoot and by how much. */
    public static void reserve(QuotaLedger ledger, String centreId, String partnerId, Map<String, Use> use, Quota quota) {
        ledger.tryReserve(centreId, partnerId, use, Limit.of(quota)).ifPresent(shortfall -> {
            throw refusal(quota, shortfall);
        });
    }

    /** Moves a booking's use from one time to another as one change, or refuses the move as {@link #reserve} does. */
    public static void move(QuotaLedger ledger, String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to,
                            Quota quota) {
        ledger.tryMove(centreId, partnerId, from, to, Limit.of(quota)).ifPresent(shortfall -> {
            throw refusal(quota, shortfall);
        });
    }

    /** Whether the use fits, reserving it if so; for serving the waitlist, where a refusal means an offer instead. */
    public static boolean tryReserve(QuotaLedger ledger, String centreId, String partnerId, Map<String, Use> use, Quota quota) {
        return ledger.tryReserve(centreId, partnerId, use, Limit.of(quota)).isEmpty();
    }

    /** What the partner holds in a week against the quota that applies, and what is left of each part. */
    public static QuotaStanding standing(String centreId, String partnerId, String week, Quota quota, Use held) {
        Quota applying = quota == null ? UNLIMITED : quota;
        return new QuotaStanding(centreId, partnerId, week, applying.hoursPerWeek(), applying.peakHoursPerWeek(),
                held.minutes() / 60.0, held.peakMinutes() / 60.0, left(applying.hoursPerWeek(), held.minutes()),
                left(applying.peakHoursPerWeek(), held.peakMinutes()));
    }

    private static Double left(Integer hours, int heldMinutes) {
        return hours == null ? null : Math.max(0, hours * 60 - heldMinutes) / 60.0;
    }

    /** Names the limit the week overshoots, with what the partner holds there already and what the booking needs. */
    static RuleViolationException refusal(Quota quota, Shortfall shortfall) {
        Use held = shortfall.held();
        Use wanted = shortfall.wanted();
        if (quota.hoursPerWeek() != null && held.minutes() + wanted.minutes() > quota.hoursPerWeek() * 60) {
            return new RuleViolationException(RULE, String.format(
                    "The partner's quota in this centre is %d hours per week; in %s it already holds %s hours and this needs %s more",
                    quota.hoursPerWeek(), shortfall.week(), hours(held.minutes()), hours(wanted.minutes())));
        }
        return new RuleViolationException(RULE, String.format(
                "The partner's quota in this centre is %d hours per week in peak time; in %s it already holds %s peak hours and this needs %s more",
                quota.peakHoursPerWeek(), shortfall.week(), hours(held.peakMinutes()), hours(wanted.peakMinutes())));
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
