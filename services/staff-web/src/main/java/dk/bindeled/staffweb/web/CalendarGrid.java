package dk.bindeled.staffweb.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A calendar as a table the pages draw: one row per room (a centre's day) or per day (a room's week), one cell per
 * half hour of the opening hours. A cell is either free — a link to book it, so keyboard and screen reader users book
 * as mouse users do — or part of a booking, which spans its cells.
 */
public record CalendarGrid(List<String> times, List<Row> rows) {

    static final int STEP_MINUTES = 30;

    public record Row(String key, String label, String sublabel, LocalDate date, List<Cell> cells, boolean closed) {
    }

    /** {@code entry} is null for a free cell; {@code span} is how many half hours a booking's cell covers. */
    public record Cell(LocalDateTime start, LocalDateTime end, Map<String, Object> entry, int span) {

        public boolean free() {
            return entry == null;
        }

        /** The booking form's start for this half hour ("13:00"), and an hour later as its end. */
        public String fromParam() {
            return start.toLocalTime().toString();
        }

        /** "08.30", as the page says it. */
        public String clock() {
            return dk.bindeled.staffweb.domain.DanishText.time(start);
        }

        public String toParam() {
            return start.toLocalTime().plusHours(1).toString();
        }

        /** The end of this half hour ("13:30"): where a drag across free half hours ends the booking. */
        public String endParam() {
            return end.toLocalTime().toString();
        }
    }

    public record Hours(LocalTime opens, LocalTime closes) {
    }

    /** The centre's opening hours on a day; null when closed. */
    @SuppressWarnings("unchecked")
    static Hours hoursOn(Map<String, Object> centre, DayOfWeek day) {
        LocalTime opens = null;
        LocalTime closes = null;
        for (Map<String, Object> hours : (List<Map<String, Object>>) centre.getOrDefault("openingHours", List.of())) {
            if (day.name().equals(hours.get("day"))) {
                LocalTime o = LocalTime.parse(hours.get("opens").toString());
                LocalTime c = LocalTime.parse(hours.get("closes").toString());
                opens = opens == null || o.isBefore(opens) ? o : opens;
                closes = closes == null || c.isAfter(closes) ? c : closes;
            }
        }
        return opens == null ? null : new Hours(opens, closes);
    }

    static List<String> times(LocalTime from, LocalTime to) {
        List<String> times = new ArrayList<>();
        for (LocalTime t = from; t.isBefore(to); t = t.plusMinutes(STEP_MINUTES)) {
            times.add(t.toString());
            if (t.plusMinutes(STEP_MINUTES).isBefore(t)) {
                break;
            }
        }
        return times;
    }

    /** The cells of one row: {@code entries} are that row's bookings (holding their slot) on {@code date}. */
    static List<Cell> cells(LocalDate date, LocalTime from, LocalTime to, List<Map<String, Object>> entries) {
        List<Cell> cells = new ArrayList<>();
        LocalDateTime t = date.atTime(from);
        LocalDateTime end = date.atTime(to);
        while (t.isBefore(end)) {
            LocalDateTime slotEnd = t.plusMinutes(STEP_MINUTES);
            Map<String, Object> entry = covering(entries, t, slotEnd);
            if (entry == null) {
                cells.add(new Cell(t, slotEnd, null, 1));
                t = slotEnd;
            } else {
                LocalDateTime entryEnd = LocalDateTime.parse(entry.get("localEnd").toString());
                int span = 0;
                LocalDateTime u = t;
                while (u.isBefore(end) && u.isBefore(entryEnd)) {
                    span++;
                    u = u.plusMinutes(STEP_MINUTES);
                }
                cells.add(new Cell(t, u, entry, Math.max(span, 1)));
                t = u.equals(t) ? slotEnd : u;
            }
        }
        return cells;
    }

    private static Map<String, Object> covering(List<Map<String, Object>> entries, LocalDateTime from, LocalDateTime to) {
        for (Map<String, Object> entry : entries) {
            LocalDateTime start = LocalDateTime.parse(entry.get("localStart").toString());
            LocalDateTime end = LocalDateTime.parse(entry.get("localEnd").toString());
            if (start.isBefore(to) && end.isAfter(from)) {
                return entry;
            }
        }
        return null;
    }

    static boolean holdsSlot(Map<String, Object> entry) {
        Object status = entry.get("status");
        return "CONFIRMED".equals(status) || "REQUESTED".equals(status) || "OFFERED".equals(status);
    }
}
