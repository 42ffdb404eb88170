package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.LogbookText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.Logbook;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The meeting logbook's collaborations in the staff web app: the list, a new one, and each one's page with its partners,
 * meetings (planned here, with the room to book), action items, goals, theory of change, form and phase, its timeline and
 * what the other services did for it, exported as PDF and as OParl-shaped JSON. What the logbook refuses is told on the
 * page the browser comes back to, in Danish, naming the field.
 */
@Controller
class CollaborationPages {

    private final Logbook logbook;
    private final PartnerRegistry registry;
    private final LogbookPageSupport pages;
    private final Clock clock;

    CollaborationPages(Logbook logbook, PartnerRegistry registry, LogbookPageSupport pages, Clock clock) {
        this.logbook = logbook;
        this.registry = registry;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/samarbejder")
    String collaborations(Model model) {
        List<Map<String, Object>> rows = logbook.collaborations();
        model.addAttribute("rows", rows);
        model.addAttribute("names", pages.names(rows.stream().map(r -> r.get("coordinatorOrg")).toList()));
        return "collaborations";
    }

    @GetMapping("/samarbejder/nyt")
    String newCollaboration(Model model) {
        model.addAttribute("forms", LogbookText.forms());
        model.addAttribute("targetGroups", DanishText.targetGroups());
        model.addAttribute("partners", directory());
        return "collaboration-form";
    }

    @PostMapping("/samarbejder")
    String start(@RequestParam MultiValueMap<String, String> form, @ModelAttribute("me") StaffUser me, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.getFirst("title"));
        body.put("purpose", form.getFirst("purpose"));
        body.put("form", LogbookPageSupport.blank(form.getFirst("form")));
        body.put("targetGroups", form.getOrDefault("targetGroups", List.of()));
        body.put("coordinator", Map.of("name", Objects.toString(form.getFirst("coordinatorName"), ""),
                "role", Objects.toString(form.getFirst("coordinatorRole"), "")));
        List<Map<String, Object>> partners = new ArrayList<>();
        for (String lead : form.getOrDefault("leads", List.of())) {
            partners.add(Map.of("org", lead, "role", "LEAD"));
        }
        for (String participant : form.getOrDefault("participants", List.of())) {
            if (partners.stream().noneMatch(p -> p.get("org").equals(participant))) {
                partners.add(Map.of("org", participant, "role", "PARTICIPANT"));
            }
        }
        body.put("partners", partners);
        body.put("coCreationTrack", "on".equals(form.getFirst("coCreationTrack")));
        try {
            Map<String, Object> created = logbook.start(body);
            redirect.addFlashAttribute("notice", "Samarbejdet er oprettet.");
            return "redirect:/samarbejder/" + created.get("id");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("problem", "Samarbejdet er ikke oprettet: " + BookingPages.problemText(refusal));
            model.addAttribute("values", Answers.lenient(new HashMap<>(form.toSingleValueMap())));
            model.addAttribute("chosen", form.getOrDefault("participants", List.of()));
            return newCollaboration(model);
        }
    }

    @GetMapping("/samarbejder/{id}")
    String collaboration(@PathVariable String id, Model model) {
        Map<String, Object> c = logbook.collaboration(id);
        model.addAttribute("c", c);
        List<Object> orgs = new ArrayList<>();
        LogbookPageSupport.listed(c, "partners").forEach(p -> orgs.add(p.get("org")));
        if (c.get("coordinator") instanceof Map<?, ?> coordinator) {
            orgs.add(coordinator.get("org"));
        }
        LogbookPageSupport.listed(c, "actionItems").forEach(a -> orgs.add(a.get("ownerOrg")));
        model.addAttribute("names", pages.names(orgs));
        Map<String, String> theory = new HashMap<>();
        for (String part : List.of("resources", "activities", "results", "effects")) {
            theory.put(part, c.get("theory") instanceof Map<?, ?> t ? String.join("\n", LogbookPageSupport.strings(t.get(part))) : "");
        }
        model.addAttribute("theory", theory);
        model.addAttribute("meetingTypes", LogbookText.meetingTypes());
        model.addAttribute("phases", LogbookText.phases());
        model.addAttribute("forms", LogbookText.forms());
        model.addAttribute("rooms", pages.roomChoices());
        model.addAttribute("today", LocalDate.now(clock.withZone(DanishText.COPENHAGEN)).toString());
        return "collaboration";
    }

    @PostMapping("/samarbejder/{id}/moeder")
    String schedule(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", LogbookPageSupport.blank(form.getFirst("type")));
        body.put("title", form.getFirst("title"));
        body.put("place", LogbookPageSupport.blank(form.getFirst("place")));
        try {
            LocalDate date = LocalDate.parse(Objects.toString(form.getFirst("date"), ""));
            body.put("startsAt", LogbookPageSupport.at(date, form.getFirst("from")));
            String to = LogbookPageSupport.blank(form.getFirst("to"));
            body.put("endsAt", to == null ? null : LogbookPageSupport.at(date, to));
        } catch (DateTimeParseException bad) {
            redirect.addFlashAttribute("problem", "Mødet er ikke planlagt: angiv dato og klokkeslæt som i felterne (fx 2027-01-12 og 17:00).");
            return "redirect:/samarbejder/" + id + "#planlaeg-h";
        }
        String resource = LogbookPageSupport.blank(form.getFirst("resourceId"));
        if (resource != null) {
            Map<String, Object> room = new LinkedHashMap<>();
            room.put("resourceId", resource);
            room.put("partnerId", LogbookPageSupport.blank(form.getFirst("roomPartnerId")));
            body.put("room", room);
        }
        try {
            Map<String, Object> created = logbook.collaborationStep(id, "meetings", body);
            List<?> warnings = created.get("warnings") instanceof List<?> w ? w : List.of();
            redirect.addFlashAttribute("notice", "Mødet er planlagt." + (resource != null ? " Lokalet er bestilt; svaret fra lokalebookingen vises her." : "")
                    + warnings.stream().map(w -> " " + LogbookText.warning(String.valueOf(w))).reduce("", String::concat));
            return "redirect:/moeder/" + created.get("id");
        } catch (ServiceRefusal refusal) {
            LogbookPageSupport.refusedOrThrow(refusal, redirect, "Mødet er ikke planlagt: ");
            return "redirect:/samarbejder/" + id + "#planlaeg-h";
        }
    }

    @PostMapping("/samarbejder/{id}/maal")
    String goals(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        List<String> goals = form.getOrDefault("goal", List.of());
        List<String> criteria = form.getOrDefault("criterion", List.of());
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            String goal = LogbookPageSupport.blank(goals.get(i));
            String criterion = i < criteria.size() ? LogbookPageSupport.blank(criteria.get(i)) : null;
            if (goal != null || criterion != null) {
                body.add(Map.of("goal", Objects.toString(goal, ""), "successCriterion", Objects.toString(criterion, "")));
            }
        }
        LogbookPageSupport.change(redirect, () -> logbook.collaborationStep(id, "goals", Map.of("goals", body)), "Mål og succeskriterier er gemt som en ny version.",
                "Målene er ikke gemt: ");
        return "redirect:/samarbejder/" + id + "#maal-h";
    }

    @PostMapping("/samarbejder/{id}/forandringsteori")
    String theory(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String part : List.of("resources", "activities", "results", "effects")) {
            body.put(part, LogbookPageSupport.lines(form.get(part)));
        }
        LogbookPageSupport.change(redirect, () -> logbook.collaborationStep(id, "theory-of-change", body), "Forandringsteorien er gemt.", "Forandringsteorien er ikke gemt: ");
        return "redirect:/samarbejder/" + id + "#teori-h";
    }

    @PostMapping("/samarbejder/{id}/fase")
    String phase(@PathVariable String id, @RequestParam String phase, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.collaborationStep(id, "phase", Map.of("phase", phase)), "Forløbet er gået videre til " + LogbookText.phase(phase) + ".",
                "Fasen er ikke ændret: ");
        return "redirect:/samarbejder/" + id;
    }

    @PostMapping("/samarbejder/{id}/form")
    String form(@PathVariable String id, @RequestParam String form, @RequestParam String reason, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.collaborationStep(id, "form", Map.of("form", form, "reason", reason)), "Samarbejdsformen er ændret; den gamle står i historikken.",
                "Formen er ikke ændret: ");
        return "redirect:/samarbejder/" + id;
    }

    @GetMapping("/samarbejder/{id}/tidslinje.json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> timelineJson(@PathVariable String id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tidslinje-" + id + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(logbook.exportJson(id));
    }

    @GetMapping("/samarbejder/{id}/tidslinje.pdf")
    @ResponseBody
    ResponseEntity<byte[]> timelinePdf(@PathVariable String id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tidslinje-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(logbook.exportPdf(id));
    }

    /** The registry's partners, by name, for choosing a collaboration's partners. */
    private List<Map<String, Object>> directory() {
        List<Map<String, Object>> partners = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            Map<String, Object> result = registry.search(Map.of(), page, 100);
            partners.addAll(LogbookPageSupport.listed(result, "items"));
            if (result.get("totalPages") instanceof Number pages && page + 1 >= pages.intValue()) {
                break;
            }
        }
        partners.sort(java.util.Comparator.comparing(p -> String.valueOf(p.get("name"))));
        return partners;
    }
}
