package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * In-memory stand-ins for the command side's tables, for the aggregate fixture tests only. The JDBC
 * implementations are tested against PostgreSQL in the integration tests.
 */
final class FakeSupport {

    static final String CENTRE = "motalavej";
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    static List<dk.bindeled.events.booking.v1.OpeningHours> everyDay(LocalTime opens, LocalTime closes) {
        List<dk.bindeled.events.booking.v1.OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new dk.bindeled.events.booking.v1.OpeningHours(day, opens, closes));
        }
        return hours;
    }

    static final class Centres implements CentreDirectory {
        final Map<String, CentreRules> rules = new HashMap<>();
        final Map<String, Quota> quotas = new HashMap<>();

        Centres() {
            rules.put(CENTRE, new CentreRules(CENTRE, ZONE, null, 48, new OpeningHours(everyDay(LocalTime.of(8, 0), LocalTime.of(22, 0))),
                    new PeakTime(List.of(new TimeWindow(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(20, 0)))), new Quota(null, null)));
        }

        @Override
        public Optional<CentreRules> rules(String centreId) {
            return Optional.ofNullable(rules.get(centreId));
        }

        @Override
        public Quota quotaOf(String centreId, String partnerId) {
            return quotas.getOrDefault(partnerId, rules.get(centreId).defaultQuota());
        }

        @Override
        public Optional<String> centreOf(String resourceId) {
            return Optional.of(CENTRE);
        }
    }

    static final class Partners implements PartnerRoster {
        final Map<String, PartnerStanding> partners = new HashMap<>();

        Partners member(String id, String name) {
            partners.put(id, new PartnerStanding(id, name, true, Set.of(CENTRE)));
            return this;
        }

        Partners outsider(String id, String name) {
            partners.put(id, new PartnerStanding(id, name, true, Set.of("hedemarken")));
            return this;
        }

        Partners deactivated(String id, String name) {
            partners.put(id, new PartnerStanding(id, name, false, Set.of(CENTRE)));
            return this;
        }

        @Override
        public Optional<PartnerStanding> find(String partnerId) {
            return Optional.ofNullable(partners.get(partnerId));
        }
    }

    /** Same contract as the JDBC ledger: all weeks or none, and the shortfall of the first week that does not fit. */
    static final class Ledger implements QuotaLedger {
        final Map<String, Use> used = new TreeMap<>();

        @Override
        public Optional<Shortfall> tryReserve(String centreId, String partnerId, Map<String, Use> use, QuotaPolicy.Limit limit) {
            for (Map.Entry<String, Use> week : use.entrySet()) {
                Optional<Shortfall> shortfall = shortfall(partnerId, week.getKey(), week.getValue(), limit);
                if (shortfall.isPresent()) {
                    return shortfall;
                }
            }
            use.forEach((week, u) -> used.merge(partnerId + "/" + week, u, Use::plus));
            return Optional.empty();
        }

        @Override
        public void release(String centreId, String partnerId, Map<String, Use> use) {
            use.forEach((week, u) -> used.merge(partnerId + "/" + week, new Use(-u.minutes(), -u.peakMinutes()), Use::plus));
        }

        @Override
        public Use held(String centreId, String partnerId, String week) {
            return used.getOrDefault(partnerId + "/" + week, new Use(0, 0));
        }

        /** Calls of {@link #tryMove}: a move must go through it, not through a release and a reserve of its own. */
        final List<String> moves = new ArrayList<>();

        @Override
        public Optional<Shortfall> tryMove(String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to,
                                           QuotaPolicy.Limit limit) {
            moves.add(partnerId + " " + from.keySet() + " -> " + to.keySet());
            Map<String, Use> change = QuotaLedger.change(from, to);
            for (Map.Entry<String, Use> week : change.entrySet()) {
                Optional<Shortfall> shortfall = shortfall(partnerId, week.getKey(), week.getValue(),
                        limit == null ? null : limit.where(week.getValue()));
                if (shortfall.isPresent()) {
                    return shortfall;
                }
            }
            change.forEach((week, u) -> used.merge(partnerId + "/" + week, u, Use::plus));
            return Optional.empty();
        }

        private Optional<Shortfall> shortfall(String partnerId, String week, Use wanted, QuotaPolicy.Limit limit) {
            Use held = used.getOrDefault(partnerId + "/" + week, new Use(0, 0));
            Use now = held.plus(wanted);
            boolean over = limit != null && (limit.minutes() != null && now.minutes() > limit.minutes()
                    || limit.peakMinutes() != null && now.peakMinutes() > limit.peakMinutes());
            return over ? Optional.of(new Shortfall(week, held, wanted)) : Optional.empty();
        }
    }

    static final class Locator implements BookingLocator {
        final Map<String, Location> locations = new HashMap<>();

        @Override
        public void register(String id, Kind kind, String resourceId, String partnerId, Instant startsAt) {
            if (locations.putIfAbsent(id, new Location(kind, resourceId, partnerId)) != null) {
                throw new RuleViolationException("id-in-use", id);
            }
        }

        @Override
        public void moved(String id, Instant startsAt) {
        }

        @Override
        public Optional<Location> find(String id) {
            return Optional.ofNullable(locations.get(id));
        }
    }

    private FakeSupport() {
    }
}
