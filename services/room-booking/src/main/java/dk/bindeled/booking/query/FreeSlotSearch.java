package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.query.CalendarQueries.CentreInfo;
import dk.bindeled.booking.query.CalendarQueries.HeldSlot;
import dk.bindeled.booking.query.Views.AlternativeSlot;
import dk.bindeled.booking.query.Views.FreeResource;
import dk.bindeled.booking.query.Views.FreeSlots;
import dk.bindeled.booking.query.Views.ResourceView;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which resources of a centre are free for a meeting: enough seats, every feature asked for, inside the
 * centre's opening hours, and no booking that holds its slot (confirmed, requested or offered) within the
 * resource's cleaning buffer before or after. When none is, the nearest free slots of the same length on
 * suitable resources: the same day at other times, then the following days, on a half-hour grid.
 */
@Service
@Transactional(readOnly = true)
public class FreeSlotSearch {

    /** How many other slots are suggested when none is free. */
    public static final int MAX_ALTERNATIVES = 5;
    /** How many days after the date asked for are searched for alternatives. */
    public static final int ALTERNATIVE_DAYS = 7;
    /** The grid alternatives start on. */
    public static final Duration GRID = Duration.ofMinutes(30);

    private final CalendarQueries queries;
    private final Clock clock;

    public FreeSlotSearch(CalendarQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public FreeSlots search(String centreId, LocalDate date, LocalTime from, LocalTime to, Integer attendees, List<String> features) {
        CentreInfo centre = queries.requireCentre(centreId);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (attendees != null && attendees < 1) {
            throw new InvalidInputException("attendees", "must be at least 1");
        }
        ZoneId zone = centre.zone();
        Instant now = clock.instant();
        LocalDateTime start = date.atTime(from);
        if (!start.atZone(zone).toInstant().isAfter(now)) {
            throw new InvalidInputException(date.isBefore(LocalDate.ofInstant(now, zone)) ? "date" : "from", "is in the past");
        }
        List<String> wanted = features == null ? List.of()
                : features.stream().filter(f -> f != null && !f.isBlank()).map(f -> f.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        List<ResourceView> suitable = queries.resourcesOf(centreId).stream()
                .filter(r -> attendees == null || r.capacity() == null || r.capacity() >= attendees)
                .filter(r -> hasAll(r, wanted))
                .toList();
        Duration length = Duration.between(from, to);
        int maxBuffer = suitable.stream().mapToInt(ResourceView::cleaningBufferMinutes).max().orElse(0);
        LocalDateTime windowFrom = date.atStartOfDay().minusMinutes(maxBuffer);
        LocalDateTime windowTo = date.plusDays(ALTERNATIVE_DAYS + 1L).atStartOfDay().plusMinutes(maxBuffer);
        Map<String, List<HeldSlot>> held = queries.held(suitable.stream().map(ResourceView::id).toList(), windowFrom, windowTo)
                .stream().collect(Collectors.groupingBy(HeldSlot::resourceId));

        List<FreeResource> free = freeAt(centre, suitable, held, start, start.plus(length));
        List<AlternativeSlot> alternatives = new ArrayList<>();
        if (free.isEmpty() && !suitable.isEmpty()) {
            for (int day = 0; day <= ALTERNATIVE_DAYS && alternatives.size() < MAX_ALTERNATIVES; day++) {
                LocalDate candidateDate = date.plusDays(day);
                for (LocalTime candidate : gridStarts(centre, candidateDate, length, from)) {
                    if (alternatives.size() >= MAX_ALTERNATIVES) {
                        break;
                    }
                    LocalDateTime candidateStart = candidateDate.atTime(candidate);
                    if (candidateStart.equals(start) || !candidateStart.atZone(zone).toInstant().isAfter(now)) {
                        continue;
                    }
                    LocalDateTime candidateEnd = candidateStart.plus(length);
                    List<FreeResource> resources = freeAt(centre, suitable, held, candidateStart, candidateEnd);
                    if (!resources.isEmpty()) {
                        alternatives.add(new AlternativeSlot(candidateDate, candidate, candidateEnd.toLocalTime(),
                                offset(candidateStart, zone), offset(candidateEnd, zone), resources));
                    }
                }
            }
        }
        return new FreeSlots(centreId, date, from, to, attendees, wanted, free, alternatives);
    }

    private static List<FreeResource> freeAt(CentreInfo centre, List<ResourceView> suitable, Map<String, List<HeldSlot>> held,
                                             LocalDateTime start, LocalDateTime end) {
        if (!centre.opening().covers(start, end)) {
            return List.of();
        }
        Instant from = start.atZone(centre.zone()).toInstant();
        Instant to = end.atZone(centre.zone()).toInstant();
        List<FreeResource> free = new ArrayList<>();
        for (ResourceView r : suitable) {
            Duration buffer = Duration.ofMinutes(r.cleaningBufferMinutes());
            boolean taken = held.getOrDefault(r.id(), List.of()).stream().anyMatch(h ->
                    h.start().toInstant().isBefore(to.plus(buffer)) && h.end().toInstant().isAfter(from.minus(buffer)));
            if (!taken) {
                free.add(new FreeResource(r.id(), r.name(), r.kind(), r.capacity(), r.features(), r.cleaningBufferMinutes(),
                        r.approvalRequired()));
            }
        }
        return free;
    }

    /**
     * The half-hour starts on the date where a slot of this length fits an opening window, nearest to the time
     * asked for first (the earlier of two equally near).
     */
    static List<LocalTime> gridStarts(CentreInfo centre, LocalDate date, Duration length, LocalTime near) {
        List<LocalTime> starts = new ArrayList<>();
        for (OpeningHours h : centre.opening().on(date.getDayOfWeek())) {
            int opens = h.opens().toSecondOfDay() / 60;
            int grid = (int) GRID.toMinutes();
            int firstMinute = (opens + grid - 1) / grid * grid;
            int closes = h.closes().toSecondOfDay() / 60;
            for (int minute = firstMinute; minute + length.toMinutes() <= closes; minute += grid) {
                starts.add(LocalTime.ofSecondOfDay(minute * 60L));
            }
        }
        int target = near.toSecondOfDay();
        return starts.stream().distinct()
                .sorted(Comparator.<LocalTime>comparingInt(t -> Math.abs(t.toSecondOfDay() - target)).thenComparing(t -> t))
                .toList();
    }

    private static boolean hasAll(ResourceView resource, List<String> wanted) {
        Set<String> has = resource.features().stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return has.containsAll(wanted);
    }

    private static OffsetDateTime offset(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toOffsetDateTime();
    }
}
