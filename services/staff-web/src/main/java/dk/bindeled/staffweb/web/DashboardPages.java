package dk.bindeled.staffweb.web;

import dk.bindeled.events.IsoWeek;
import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Dashboard;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Dashboard v2 for managers: the figures as charts (ECharts, drawn in the browser from {@code /overblik/data}) with
 * the same figures as tables beside them, for screen readers and for anyone who would rather read.
 */
@Controller
class DashboardPages {

    static final int WEEKS_BACK = 3;
    static final int WEEKS_AHEAD = 2;

    private final Dashboard dashboard;
    private final RoomBooking rooms;
    private final Clock clock;

    DashboardPages(Dashboard dashboard, RoomBooking rooms, Clock clock) {
        this.dashboard = dashboard;
        this.rooms = rooms;
        this.clock = clock;
    }

    @GetMapping("/overblik")
    String page(@RequestParam(name = "hus", required = false) String centreId, @ModelAttribute("me") StaffUser me, Model model) {
        if (!me.seesDashboard()) {
            model.addAttribute("status", 403);
            model.addAttribute("heading", "Det har du ikke adgang til");
            model.addAttribute("message", "Overblikket er for husenes ledere, medarbejdere og koordinatorer.");
            return "error-page";
        }
        List<Map<String, Object>> centres = rooms.centres();
        String chosen = centreId != null ? centreId : me.centres().isEmpty() ? String.valueOf(centres.get(0).get("id")) : me.centres().get(0);
        model.addAttribute("centres", centres);
        model.addAttribute("centreId", chosen);
        model.addAttribute("overview", dashboard.overview());
        return "dashboard";
    }

    /** The charts' figures: room use per centre and week, peak against off-peak and the fairness of one centre, offers. */
    @GetMapping(value = "/overblik/data", produces = "application/json")
    @ResponseBody
    @SuppressWarnings("unchecked")
    Map<String, Object> data(@RequestParam(name = "hus") String centreId) {
        LocalDate monday = LocalDate.now(clock.withZone(DanishText.COPENHAGEN)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> weeks = new ArrayList<>();
        for (int i = -WEEKS_BACK; i <= WEEKS_AHEAD; i++) {
            weeks.add(IsoWeek.of(monday.plusWeeks(i)).toString());
        }
        List<Map<String, Object>> use = new ArrayList<>();
        for (Map<String, Object> centre : dashboard.centres()) {
            List<Double> booked = new ArrayList<>();
            List<Double> open = new ArrayList<>();
            for (String week : weeks) {
                Map<String, Object> utilisation = dashboard.utilisation(String.valueOf(centre.get("centreId")), week);
                double hours = 0;
                int roomCount = 0;
                for (Map<String, Object> resource : (List<Map<String, Object>>) utilisation.getOrDefault("resources", List.of())) {
                    if ("ROOM".equals(resource.get("kind"))) {
                        hours += ((Number) resource.get("bookedHours")).doubleValue();
                        roomCount++;
                    }
                }
                booked.add(Math.round(hours * 10) / 10.0);
                open.add(Math.round(((Number) utilisation.getOrDefault("openHours", 0)).doubleValue() * roomCount * 10) / 10.0);
            }
            use.add(Map.of("centre", String.valueOf(centre.getOrDefault("name", centre.get("centreId"))), "booked", booked, "open", open));
        }
        Map<String, Object> fairness = rooms.fairness(centreId, monday.minusWeeks(WEEKS_BACK), monday.plusWeeks(WEEKS_AHEAD).plusDays(6), "week");
        List<String> periods = new ArrayList<>();
        List<Object> peak = new ArrayList<>();
        List<Object> offPeak = new ArrayList<>();
        for (Map<String, Object> period : (List<Map<String, Object>>) fairness.getOrDefault("periods", List.of())) {
            periods.add(String.valueOf(period.get("period")));
            peak.add(period.get("peakHours"));
            offPeak.add(period.get("offPeakHours"));
        }
        Map<String, Object> total = (Map<String, Object>) fairness.getOrDefault("total", Map.of());
        List<Map<String, Object>> partners = new ArrayList<>();
        for (Map<String, Object> partner : (List<Map<String, Object>>) total.getOrDefault("partners", List.of())) {
            partners.add(Map.of("name", String.valueOf(partner.get("name")), "hours", partner.get("hours"), "peakHours", partner.get("peakHours"),
                    "sector", DanishText.sector(String.valueOf(partner.get("sector")))));
        }
        List<Map<String, Object>> sectors = new ArrayList<>();
        for (Map<String, Object> sector : (List<Map<String, Object>>) total.getOrDefault("sectors", List.of())) {
            sectors.add(Map.of("name", DanishText.sector(String.valueOf(sector.get("sector"))), "value", sector.get("hours")));
        }
        Map<String, Object> overview = dashboard.overview();
        List<Map<String, Object>> targetGroups = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) overview.getOrDefault("activeOffersByTargetGroup", List.of())) {
            targetGroups.add(Map.of("name", String.valueOf(group.get("label")), "value", group.get("activeOffers")));
        }
        List<Map<String, Object>> partnerSectors = new ArrayList<>();
        for (Map<String, Object> sector : (List<Map<String, Object>>) overview.getOrDefault("bySector", List.of())) {
            partnerSectors.add(Map.of("name", String.valueOf(sector.get("label")), "value", sector.get("activePartners")));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("weeks", weeks.stream().map(w -> "uge " + Integer.parseInt(w.substring(w.indexOf('W') + 1))).toList());
        data.put("use", use);
        data.put("periods", periods.stream().map(p -> p.contains("W") ? "uge " + Integer.parseInt(p.substring(p.indexOf('W') + 1)) : p).toList());
        data.put("peak", peak);
        data.put("offPeak", offPeak);
        data.put("partners", partners);
        data.put("sectors", sectors);
        data.put("targetGroups", targetGroups);
        data.put("partnerSectors", partnerSectors);
        return data;
    }
}
