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
    static final int OFFER_WEEKS = 8;

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
        String from = IsoWeek.of(monday.minusWeeks(WEEKS_BACK)).toString();
        String to = IsoWeek.of(monday.plusWeeks(WEEKS_AHEAD)).toString();
        Map<String, Object> roomUse = dashboard.roomUseByWeek(from, to);
        List<String> weeks = ((List<Map<String, Object>>) roomUse.getOrDefault("weeks", List.of())).stream()
                .map(w -> "uge " + w.get("weekNumber")).toList();
        List<Map<String, Object>> use = new ArrayList<>();
        for (Map<String, Object> centre : (List<Map<String, Object>>) roomUse.getOrDefault("centres", List.of())) {
            List<Object> booked = new ArrayList<>();
            List<Object> open = new ArrayList<>();
            for (Map<String, Object> week : (List<Map<String, Object>>) centre.getOrDefault("weeks", List.of())) {
                booked.add(week.get("bookedHours"));
                open.add(week.get("openHours"));
            }
            use.add(Map.of("centre", String.valueOf(centre.get("centreName")), "booked", booked, "open", open));
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
        // Offers over time: the weeks up to this one, as the past is what the history holds.
        Map<String, Object> offers = dashboard.offersByWeek(IsoWeek.of(monday.minusWeeks(OFFER_WEEKS - 1)).toString(), IsoWeek.of(monday).toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("offerWeeks", ((List<String>) offers.getOrDefault("weeks", List.of())).stream().map(DashboardPages::weekLabel).toList());
        data.put("offersByTargetGroup", series((List<Map<String, Object>>) offers.getOrDefault("byTargetGroup", List.of())));
        data.put("offersBySector", series((List<Map<String, Object>>) offers.getOrDefault("bySector", List.of())));
        data.put("weeks", weeks);
        Map<String, Object> flow = dashboard.referralFlow();
        data.put("referralsByTargetGroup", flow.getOrDefault("byTargetGroup", List.of()));
        data.put("referralsByRecipient", flow.getOrDefault("byRecipient", List.of()));
        data.put("use", use);
        data.put("periods", periods.stream().map(DashboardPages::weekLabel).toList());
        data.put("peak", peak);
        data.put("offPeak", offPeak);
        data.put("partners", partners);
        data.put("sectors", sectors);
        data.put("targetGroups", targetGroups);
        data.put("partnerSectors", partnerSectors);
        return data;
    }

    /** "2026-W48" as "uge 48"; anything else as it is. */
    static String weekLabel(String isoWeek) {
        int w = isoWeek.indexOf('W');
        return w < 0 ? isoWeek : "uge " + Integer.parseInt(isoWeek.substring(w + 1));
    }

    private static List<Map<String, Object>> series(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> Map.<String, Object>of("name", String.valueOf(row.get("label")), "counts", row.get("counts"))).toList();
    }
}
