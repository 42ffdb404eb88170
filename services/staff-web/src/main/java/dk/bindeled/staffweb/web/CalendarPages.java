package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The houses, a house's day or week, and a room's week; every free half hour is a link to book it. */
@Controller
class CalendarPages {

    private final RoomBooking rooms;
    private final Clock clock;

    CalendarPages(RoomBooking rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @GetMapping("/huse")
    String centres(Model model) {
        model.addAttribute("centres", rooms.centres());
        return "centres";
    }

    @GetMapping("/huse/{centreId}")
    @SuppressWarnings("unchecked")
    String centre(@PathVariable String centreId, @RequestParam(name = "dato", required = false) LocalDate date,
                  @RequestParam(name = "visning", defaultValue = "dag") String view, Model model) {
        LocalDate day = date != null ? date : today();
        Map<String, Object> centre = rooms.centre(centreId);
        boolean week = "uge".equals(view);
        Map<String, Object> calendar = rooms.centreCalendar(centreId, day, week ? "week" : "day");
        List<Map<String, Object>> entries = ((List<Map<String, Object>>) calendar.getOrDefault("entries", List.of()))
                .stream().filter(CalendarGrid::holdsSlot).toList();
        model.addAttribute("centre", centre);
        model.addAttribute("date", day);
        model.addAttribute("view", week ? "uge" : "dag");
        model.addAttribute("calendar", calendar);
        model.addAttribute("previous", day.minusDays(week ? 7 : 1));
        model.addAttribute("next", day.plusDays(week ? 7 : 1));
        if (week) {
            model.addAttribute("days", weekDays(LocalDate.parse(calendar.get("from").toString()), entries));
            return "centre-week";
        }
        CalendarGrid.Hours hours = CalendarGrid.hoursOn(centre, day.getDayOfWeek());
        List<CalendarGrid.Row> rows = new ArrayList<>();
        if (hours != null) {
            for (Map<String, Object> resource : (List<Map<String, Object>>) centre.getOrDefault("resources", List.of())) {
                List<Map<String, Object>> own = entries.stream().filter(e -> resource.get("id").equals(e.get("resourceId"))).toList();
                rows.add(new CalendarGrid.Row(resource.get("id").toString(), resource.get("name").toString(), describe(resource), day,
                        CalendarGrid.cells(day, hours.opens(), hours.closes(), own), false));
            }
        }
        model.addAttribute("grid", hours == null ? null : new CalendarGrid(CalendarGrid.times(hours.opens(), hours.closes()), rows));
        model.addAttribute("hours", hours);
        return "centre-day";
    }

    @GetMapping("/lokaler/{resourceId}")
    @SuppressWarnings("unchecked")
    String resource(@PathVariable String resourceId,
                    @RequestParam(name = "dato", required = false) LocalDate date, Model model) {
        LocalDate day = date != null ? date : today();
        Map<String, Object> resource = rooms.resource(resourceId);
        Map<String, Object> centre = rooms.centre(resource.get("centreId").toString());
        Map<String, Object> calendar = rooms.resourceCalendar(resourceId, day, "week");
        List<Map<String, Object>> entries = ((List<Map<String, Object>>) calendar.getOrDefault("entries", List.of()))
                .stream().filter(CalendarGrid::holdsSlot).toList();
        LocalDate monday = LocalDate.parse(calendar.get("from").toString());
        LocalTime earliest = null;
        LocalTime latest = null;
        for (int i = 0; i < 7; i++) {
            CalendarGrid.Hours hours = CalendarGrid.hoursOn(centre, monday.plusDays(i).getDayOfWeek());
            if (hours != null) {
                earliest = earliest == null || hours.opens().isBefore(earliest) ? hours.opens() : earliest;
                latest = latest == null || hours.closes().isAfter(latest) ? hours.closes() : latest;
            }
        }
        List<CalendarGrid.Row> rows = new ArrayList<>();
        if (earliest != null) {
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                CalendarGrid.Hours hours = CalendarGrid.hoursOn(centre, d.getDayOfWeek());
                List<Map<String, Object>> own = entries.stream().filter(e -> d.toString().equals(String.valueOf(e.get("date")))).toList();
                rows.add(new CalendarGrid.Row(d.toString(), DanishText.day(d), null, d,
                        hours == null ? List.of() : CalendarGrid.cells(d, earliest, latest, own), hours == null));
            }
        }
        model.addAttribute("resource", resource);
        model.addAttribute("centre", centre);
        model.addAttribute("date", day);
        model.addAttribute("previous", day.minusDays(7));
        model.addAttribute("next", day.plusDays(7));
        model.addAttribute("grid", earliest == null ? null : new CalendarGrid(CalendarGrid.times(earliest, latest), rows));
        return "resource-week";
    }

    private static String describe(Map<String, Object> resource) {
        Object capacity = resource.get("capacity");
        return DanishText.resourceKind(String.valueOf(resource.get("kind"))) + (capacity == null ? "" : ", " + capacity + " pladser")
                + (Boolean.TRUE.equals(resource.get("approvalRequired")) ? ", kræver godkendelse" : "");
    }

    private static List<Map<String, Object>> weekDays(LocalDate monday, List<Map<String, Object>> entries) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            days.add(Map.of("date", d, "entries", entries.stream().filter(e -> d.toString().equals(String.valueOf(e.get("date")))).toList()));
        }
        return days;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishText.COPENHAGEN));
    }

}
