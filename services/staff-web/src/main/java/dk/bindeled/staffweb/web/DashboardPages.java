package dk.bindeled.staffweb.web;

import dk.bindeled.events.IsoWeek;
import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Dashboard;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** The mapping of the collaboration: the months up to this one. */
    static final int MAPPING_MONTHS = 12;
    /** How many of the network's links the table beside it lists, strongest first. */
    static final int STRONGEST_LINKS = 10;

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM yyyy", DanishText.DA);

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

    /**
     * The charts' figures: room use per centre and week, peak against off-peak and the fairness of one centre, offers,
     * referrals, and the mapping of the collaboration.
     */
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
        data.putAll(mapping(YearMonth.now(clock.withZone(DanishText.COPENHAGEN))));
        return data;
    }

    /**
     * Samarbejdets kortlægning: collaborations by form and sector month by month, meetings held, decisions by type, action
     * items now, and the partner network with its strongest links as a table (the text alternative of the graph).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mapping(YearMonth thisMonth) {
        Map<String, Object> mapping = dashboard.mapping(thisMonth.minusMonths(MAPPING_MONTHS - 1).toString(), thisMonth.toString());
        Map<String, Object> collaborations = (Map<String, Object>) mapping.getOrDefault("collaborations", Map.of());
        Map<String, Object> meetings = (Map<String, Object>) mapping.getOrDefault("meetings", Map.of());
        Map<String, Object> decisions = (Map<String, Object>) mapping.getOrDefault("decisions", Map.of());
        Map<String, Object> network = (Map<String, Object>) mapping.getOrDefault("network", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mappingMonths", ((List<String>) mapping.getOrDefault("months", List.of())).stream().map(DashboardPages::monthLabel).toList());
        List<Object> total = (List<Object>) collaborations.getOrDefault("total", List.of());
        data.put("collaborationsNow", total.isEmpty() ? 0 : total.get(total.size() - 1));
        data.put("collaborationsByForm", series((List<Map<String, Object>>) collaborations.getOrDefault("byForm", List.of())));
        List<Map<String, Object>> sectors = (List<Map<String, Object>>) collaborations.getOrDefault("bySector", List.of());
        data.put("collaborationsBySector", series(sectors));
        data.put("meetingsScheduled", meetings.getOrDefault("scheduled", List.of()));
        data.put("meetingsHeld", meetings.getOrDefault("held", List.of()));
        data.put("meetingsHeldInAll", ((List<Object>) meetings.getOrDefault("held", List.of())).stream()
                .mapToLong(n -> ((Number) n).longValue()).sum());
        data.put("decisionsByType", ((List<Map<String, Object>>) decisions.getOrDefault("byType", List.of())).stream()
                .map(t -> Map.<String, Object>of("name", String.valueOf(t.get("label")), "value", t.get("count"))).toList());
        data.put("actionItems", mapping.getOrDefault("actionItems", Map.of()));

        // The graph: sectors as its categories, in the dashboard's order; links by the nodes' places in the list.
        List<String> sectorKeys = new ArrayList<>();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Map<String, Object> sector : sectors) {
            sectorKeys.add(String.valueOf(sector.get("key")));
            categories.add(Map.of("name", String.valueOf(sector.get("label"))));
        }
        Map<String, Integer> place = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) network.getOrDefault("nodes", List.of())) {
            String id = String.valueOf(node.get("partnerId"));
            String sector = String.valueOf(node.get("sector"));
            if (!sectorKeys.contains(sector)) {
                sectorKeys.add(sector);
                categories.add(Map.of("name", String.valueOf(node.get("sectorLabel"))));
            }
            // The graph tells its nodes apart by name: two partners of one name get a number.
            String name = String.valueOf(node.get("name"));
            String shown = name;
            for (int n = 2; names.containsValue(shown); n++) {
                shown = name + " (" + n + ")";
            }
            place.put(id, nodes.size());
            names.put(id, shown);
            nodes.add(Map.of("name", shown, "category", sectorKeys.indexOf(sector), "sector", String.valueOf(node.get("sectorLabel")),
                    "collaborations", node.get("collaborations"), "meetings", node.get("meetingsAttended")));
        }
        Map<String, String> kindLabels = new HashMap<>();
        for (Map<String, Object> kind : (List<Map<String, Object>>) network.getOrDefault("kinds", List.of())) {
            kindLabels.put(String.valueOf(kind.get("key")), String.valueOf(kind.get("label")));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> strongest = new ArrayList<>();
        for (Map<String, Object> edge : (List<Map<String, Object>>) network.getOrDefault("edges", List.of())) {
            String a = String.valueOf(edge.get("a"));
            String b = String.valueOf(edge.get("b"));
            if (!place.containsKey(a) || !place.containsKey(b)) {
                continue;
            }
            String kind = String.valueOf(edge.get("kind"));
            String label = kindLabels.getOrDefault(kind, kind);
            links.add(Map.of("source", place.get(a), "target", place.get(b), "kind", kind, "label", label, "weight", edge.get("weight")));
            if (strongest.size() < STRONGEST_LINKS) {
                strongest.add(Map.of("a", names.get(a), "b", names.get(b), "kind", label, "directed", "REFERRAL".equals(kind),
                        "weight", edge.get("weight")));
            }
        }
        data.put("network", Map.of("categories", categories, "nodes", nodes, "links", links));
        data.put("strongestLinks", strongest);
        return data;
    }

    /** "2026-12" as "dec. 2026"; anything else as it is. */
    static String monthLabel(String month) {
        try {
            return MONTH_LABEL.format(YearMonth.parse(month));
        } catch (java.time.format.DateTimeParseException notAMonth) {
            return month;
        }
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
