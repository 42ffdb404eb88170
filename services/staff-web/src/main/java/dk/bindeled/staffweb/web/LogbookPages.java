package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.LogbookText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.Logbook;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The meeting logbook in the staff web app: the collaborations and each one's timeline (its changes, meetings, decisions
 * and action items, exported as PDF and as OParl-shaped JSON), and a meeting with its room, agenda, attendance, proxies,
 * votes shown live, decisions, minutes through the amendment round, and action items. What the logbook refuses is told on
 * the page the browser comes back to, in Danish, naming the field.
 */
@Controller
class LogbookPages {

    private final Logbook logbook;
    private final PartnerRegistry registry;
    private final RoomBooking rooms;
    private final Clock clock;

    LogbookPages(Logbook logbook, PartnerRegistry registry, RoomBooking rooms, Clock clock) {
        this.logbook = logbook;
        this.registry = registry;
        this.rooms = rooms;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ collaborations

    @GetMapping("/samarbejder")
    String collaborations(Model model) {
        List<Map<String, Object>> rows = logbook.collaborations();
        model.addAttribute("rows", rows);
        model.addAttribute("names", names(rows.stream().map(r -> r.get("coordinatorOrg")).toList()));
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
        body.put("form", blank(form.getFirst("form")));
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
        listed(c, "partners").forEach(p -> orgs.add(p.get("org")));
        if (c.get("coordinator") instanceof Map<?, ?> coordinator) {
            orgs.add(coordinator.get("org"));
        }
        listed(c, "actionItems").forEach(a -> orgs.add(a.get("ownerOrg")));
        model.addAttribute("names", names(orgs));
        Map<String, String> theory = new HashMap<>();
        for (String part : List.of("resources", "activities", "results", "effects")) {
            theory.put(part, c.get("theory") instanceof Map<?, ?> t ? String.join("\n", strings(t.get(part))) : "");
        }
        model.addAttribute("theory", theory);
        model.addAttribute("meetingTypes", LogbookText.meetingTypes());
        model.addAttribute("phases", LogbookText.phases());
        model.addAttribute("forms", LogbookText.forms());
        model.addAttribute("rooms", roomChoices());
        model.addAttribute("today", LocalDate.now(clock.withZone(DanishText.COPENHAGEN)).toString());
        return "collaboration";
    }

    @PostMapping("/samarbejder/{id}/moeder")
    String schedule(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", blank(form.getFirst("type")));
        body.put("title", form.getFirst("title"));
        body.put("place", blank(form.getFirst("place")));
        try {
            LocalDate date = LocalDate.parse(Objects.toString(form.getFirst("date"), ""));
            body.put("startsAt", at(date, form.getFirst("from")));
            String to = blank(form.getFirst("to"));
            body.put("endsAt", to == null ? null : at(date, to));
        } catch (DateTimeParseException bad) {
            redirect.addFlashAttribute("problem", "Mødet er ikke planlagt: angiv dato og klokkeslæt som i felterne (fx 2027-01-12 og 17:00).");
            return "redirect:/samarbejder/" + id + "#planlaeg-h";
        }
        String resource = blank(form.getFirst("resourceId"));
        if (resource != null) {
            Map<String, Object> room = new LinkedHashMap<>();
            room.put("resourceId", resource);
            room.put("partnerId", blank(form.getFirst("roomPartnerId")));
            body.put("room", room);
        }
        try {
            Map<String, Object> created = logbook.collaborationStep(id, "meetings", body);
            List<?> warnings = created.get("warnings") instanceof List<?> w ? w : List.of();
            redirect.addFlashAttribute("notice", "Mødet er planlagt." + (resource != null ? " Lokalet er bestilt; svaret fra lokalebookingen vises her." : "")
                    + warnings.stream().map(w -> " " + LogbookText.warning(String.valueOf(w))).reduce("", String::concat));
            return "redirect:/moeder/" + created.get("id");
        } catch (ServiceRefusal refusal) {
            refusedOrThrow(refusal, redirect, "Mødet er ikke planlagt: ");
            return "redirect:/samarbejder/" + id + "#planlaeg-h";
        }
    }

    @PostMapping("/samarbejder/{id}/maal")
    String goals(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        List<String> goals = form.getOrDefault("goal", List.of());
        List<String> criteria = form.getOrDefault("criterion", List.of());
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            String goal = blank(goals.get(i));
            String criterion = i < criteria.size() ? blank(criteria.get(i)) : null;
            if (goal != null || criterion != null) {
                body.add(Map.of("goal", Objects.toString(goal, ""), "successCriterion", Objects.toString(criterion, "")));
            }
        }
        change(redirect, () -> logbook.collaborationStep(id, "goals", Map.of("goals", body)), "Mål og succeskriterier er gemt som en ny version.",
                "Målene er ikke gemt: ");
        return "redirect:/samarbejder/" + id + "#maal-h";
    }

    @PostMapping("/samarbejder/{id}/forandringsteori")
    String theory(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String part : List.of("resources", "activities", "results", "effects")) {
            body.put(part, lines(form.get(part)));
        }
        change(redirect, () -> logbook.collaborationStep(id, "theory-of-change", body), "Forandringsteorien er gemt.", "Forandringsteorien er ikke gemt: ");
        return "redirect:/samarbejder/" + id + "#teori-h";
    }

    @PostMapping("/samarbejder/{id}/fase")
    String phase(@PathVariable String id, @RequestParam String phase, RedirectAttributes redirect) {
        change(redirect, () -> logbook.collaborationStep(id, "phase", Map.of("phase", phase)), "Forløbet er gået videre til " + LogbookText.phase(phase) + ".",
                "Fasen er ikke ændret: ");
        return "redirect:/samarbejder/" + id;
    }

    @PostMapping("/samarbejder/{id}/form")
    String form(@PathVariable String id, @RequestParam String form, @RequestParam String reason, RedirectAttributes redirect) {
        change(redirect, () -> logbook.collaborationStep(id, "form", Map.of("form", form, "reason", reason)), "Samarbejdsformen er ændret; den gamle står i historikken.",
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

    // ------------------------------------------------------------------ a meeting

    @GetMapping("/moeder/{id}")
    String meeting(@PathVariable String id, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> m = meetingModel(id, me, model);
        model.addAttribute("decisionTypes", LogbookText.decisionTypes());
        model.addAttribute("majorities", LogbookText.majorities());
        model.addAttribute("rooms", roomChoices());
        model.addAttribute("inAWeek", LocalDate.now(clock.withZone(DanishText.COPENHAGEN)).plusDays(7).toString());
        model.addAttribute("otherMeetings", listed(logbook.collaboration(String.valueOf(m.get("collaborationId"))), "meetings").stream()
                .filter(o -> !id.equals(o.get("id"))).toList());
        return "meeting";
    }

    /** The votes alone, for the page to fetch every few seconds while one is open: the standing as the ballots come in. */
    @GetMapping("/moeder/{id}/afstemninger")
    String votes(@PathVariable String id, @ModelAttribute("me") StaffUser me, Model model) {
        meetingModel(id, me, model);
        return "meeting-fragments :: votes";
    }

    @PostMapping("/moeder/{id}/lokale")
    String room(@PathVariable String id, @RequestParam String resourceId, @RequestParam(required = false) String partnerId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceId", blank(resourceId));
        body.put("partnerId", blank(partnerId));
        change(redirect, () -> logbook.meetingStep(id, "room", body), "Lokalet er bestilt; svaret fra lokalebookingen vises her.", "Lokalet er ikke bestilt: ");
        return "redirect:/moeder/" + id + "#lokale-h";
    }

    @PostMapping("/moeder/{id}/dagsorden")
    String agenda(@PathVariable String id, @RequestParam String title, RedirectAttributes redirect) {
        change(redirect, () -> logbook.meetingStep(id, "agenda", Map.of("title", title)), "Punktet er sat på dagsordenen.", "Punktet er ikke tilføjet: ");
        return "redirect:/moeder/" + id + "#dagsorden-h";
    }

    @PostMapping("/moeder/{id}/dagsorden/{item}/afslut")
    String finish(@PathVariable String id, @PathVariable String item, RedirectAttributes redirect) {
        change(redirect, () -> logbook.meetingStep(id, "agenda/" + item + "/finish", Map.of()), "Punktet er behandlet og går ikke videre til næste møde.",
                "Punktet er ikke afsluttet: ");
        return "redirect:/moeder/" + id + "#dagsorden-h";
    }

    /** Who came, organisation by organisation: one field each, names separated by commas; only what changed is sent. */
    @PostMapping("/moeder/{id}/fremmoede")
    String attendance(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> m = logbook.meeting(id);
        Map<String, List<String>> recorded = new HashMap<>();
        listed(m, "attendance").forEach(a -> recorded.put(String.valueOf(a.get("org")), strings(a.get("people"))));
        change(redirect, () -> {
            for (String org : strings(m.get("members"))) {
                List<String> people = lines(Objects.toString(form.get("people-" + org), "").replace(',', '\n'));
                if (!people.equals(recorded.getOrDefault(org, List.of()))) {
                    logbook.attendance(id, org, people);
                }
            }
        }, "Fremmødet er gemt.", "Fremmødet er ikke gemt: ");
        return "redirect:/moeder/" + id + "#fremmoede-h";
    }

    @PostMapping("/moeder/{id}/fuldmagter")
    String proxy(@PathVariable String id, @RequestParam String fromOrg, @RequestParam String toOrg, RedirectAttributes redirect) {
        change(redirect, () -> logbook.meetingStep(id, "proxies", Map.of("fromOrg", fromOrg, "toOrg", toOrg)), "Fuldmagten er registreret; begge foreninger kan se den.",
                "Fuldmagten er ikke registreret: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger")
    String openVote(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaItemId", blank(form.get("agendaItemId")));
        body.put("motion", form.get("motion"));
        body.put("majority", blank(form.get("majority")));
        String share = blank(form.get("quorumPercent"));
        String minimum = blank(form.get("quorumMinimum"));
        if (share != null && !share.matches("\\d{1,3}") || minimum != null && !minimum.matches("\\d{1,4}")) {
            redirect.addFlashAttribute("problem", "Afstemningen er ikke åbnet: beslutningsdygtighed angives som en hel procent (0–100) og et helt antal foreninger.");
            return "redirect:/moeder/" + id + "#afstemninger-h";
        }
        body.put("quorumShare", share == null ? 0.0 : Integer.parseInt(share) / 100.0);
        body.put("quorumMinimum", minimum == null ? 0 : Integer.valueOf(minimum));
        body.put("secret", "on".equals(form.get("secret")));
        change(redirect, () -> logbook.meetingStep(id, "votes", body), "Afstemningen er åbnet. Listen over stemmeberettigede er låst nu.",
                "Afstemningen er ikke åbnet: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/stem")
    String cast(@PathVariable String id, @PathVariable String vote, @RequestParam String choice, @RequestParam(required = false) String forOrg,
                RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("choice", choice);
        body.put("forOrg", blank(forOrg));
        change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/ballots", body), "Stemmen er afgivet: " + LogbookText.choice(choice) + ".",
                "Stemmen er ikke afgivet: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/optaelling")
    String totals(@PathVariable String id, @PathVariable String vote, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String part : List.of("forVotes", "against", "abstain")) {
            String value = blank(form.get(part));
            if (value == null || !value.matches("\\d{1,4}")) {
                redirect.addFlashAttribute("problem", "Optællingen er ikke gemt: skriv et helt antal stemmer i hvert felt.");
                return "redirect:/moeder/" + id + "#afstemninger-h";
            }
            body.put(part, Integer.valueOf(value));
        }
        change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/totals", body), "Optællingen er gemt.", "Optællingen er ikke gemt: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/luk")
    String close(@PathVariable String id, @PathVariable String vote, RedirectAttributes redirect) {
        change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/close", Map.of()), "Afstemningen er lukket, og resultatet står nedenfor.",
                "Afstemningen er ikke lukket: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/beslutninger")
    String decide(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaItemId", blank(form.get("agendaItemId")));
        body.put("type", blank(form.get("type")));
        body.put("text", form.get("text"));
        body.put("voteId", blank(form.get("voteId")));
        change(redirect, () -> logbook.meetingStep(id, "decisions", body), "Beslutningen er ført til protokol.", "Beslutningen er ikke gemt: ");
        return "redirect:/moeder/" + id + "#beslutninger-h";
    }

    @PostMapping("/moeder/{id}/referat")
    String draft(@PathVariable String id, @RequestParam String text, RedirectAttributes redirect) {
        change(redirect, () -> logbook.draftMinutes(id, text), "Referatet er gemt som udkast.", "Referatet er ikke gemt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/udsend")
    String circulate(@PathVariable String id, @RequestParam String until, RedirectAttributes redirect) {
        Instant deadline;
        try {
            deadline = LocalDate.parse(until).atTime(LocalTime.MAX.withNano(0)).atZone(DanishText.COPENHAGEN).toInstant();
        } catch (DateTimeParseException bad) {
            redirect.addFlashAttribute("problem", "Referatet er ikke sendt: angiv fristen for rettelser som en dato.");
            return "redirect:/moeder/" + id + "#referat-h";
        }
        change(redirect, () -> logbook.meetingStep(id, "minutes/circulate", Map.of("amendmentsUntil", deadline.toString())),
                "Referatet er sendt til rettelser hos deltagerne. Mødets protokol er nu låst.", "Referatet er ikke sendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/rettelser")
    String amend(@PathVariable String id, @RequestParam String text, @RequestParam(required = false) String proposedBy, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("proposedBy", blank(proposedBy));
        change(redirect, () -> logbook.meetingStep(id, "minutes/amendments", body), "Rettelsen er sendt til koordinatoren.", "Rettelsen er ikke sendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/rettelser/{amendment}")
    String decideAmendment(@PathVariable String id, @PathVariable String amendment, @RequestParam String accepted,
                           @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", "ja".equals(accepted));
        body.put("reason", blank(reason));
        change(redirect, () -> logbook.meetingStep(id, "minutes/amendments/" + amendment + "/decision", body),
                "ja".equals(accepted) ? "Rettelsen er indarbejdet." : "Rettelsen er ikke indarbejdet; begrundelsen står ved den.", "Rettelsen er ikke afgjort: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/godkend")
    String approve(@PathVariable String id, @RequestParam(required = false) String atMeetingId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("atMeetingId", blank(atMeetingId));
        change(redirect, () -> logbook.meetingStep(id, "minutes/approve", body), "Referatet er godkendt og låst. Senere rettelser bliver nye rettelser.",
                "Referatet er ikke godkendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/opgaver")
    String assign(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.get("title"));
        body.put("ownerOrg", blank(form.get("ownerOrg")));
        body.put("ownerPerson", blank(form.get("ownerPerson")));
        body.put("dueDate", blank(form.get("dueDate")));
        change(redirect, () -> logbook.meetingStep(id, "action-items", body), "Opgaven er givet videre. Er den ikke udført, kommer den på næste dagsorden.",
                "Opgaven er ikke oprettet: ");
        return "redirect:/moeder/" + id + "#opgaver-h";
    }

    @PostMapping("/opgaver/{item}/{step}")
    String actionItem(@PathVariable String item, @PathVariable String step, @RequestParam String back, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        String path = switch (step) {
            case "udfoert" -> "complete";
            case "annuller" -> "cancel";
            default -> throw new ServiceRefusal(404, Map.of("detail", "No step " + step));
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blank(reason));
        change(redirect, () -> logbook.actionItem(item, path, body), "udfoert".equals(step) ? "Opgaven er udført." : "Opgaven er annulleret.",
                "Opgaven er ikke ændret: ");
        // Only pages of this app: back is a meeting's or a collaboration's id.
        return back.startsWith("samarbejde-") ? "redirect:/samarbejder/" + back.substring(11) + "#opgaver-h" : "redirect:/moeder/" + back + "#opgaver-h";
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> meetingModel(String id, StaffUser me, Model model) {
        Map<String, Object> m = logbook.meeting(id);
        model.addAttribute("m", m);
        List<Object> orgs = new ArrayList<>(strings(m.get("members")));
        orgs.add(m.get("coordinatorOrg"));
        model.addAttribute("names", names(orgs));
        boolean coordinator = me.org() != null && me.org().equals(m.get("coordinatorOrg"));
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("member", me.org() != null && strings(m.get("members")).contains(me.org()));
        Map<String, String> proxiesHeld = new LinkedHashMap<>();
        listed(m, "proxies").forEach(p -> {
            if (Objects.equals(me.org(), p.get("toOrg"))) {
                proxiesHeld.put(String.valueOf(p.get("fromOrg")), String.valueOf(p.get("toOrg")));
            }
        });
        model.addAttribute("proxiesHeld", proxiesHeld);
        Map<String, List<String>> people = new HashMap<>();
        listed(m, "attendance").forEach(a -> people.put(String.valueOf(a.get("org")), strings(a.get("people"))));
        model.addAttribute("people", people);
        model.addAttribute("anyOpenVote", listed(m, "votes").stream().anyMatch(v -> !Boolean.TRUE.equals(v.get("closed"))));
        return m;
    }

    /** The rooms of every house, for the meeting's room: "Salen (Kvarterhuset på Motalavej)". */
    private Map<String, String> roomChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Map<String, Object> centre : rooms.centres()) {
            Map<String, Object> full = rooms.centre(String.valueOf(centre.get("id")));
            for (Map<String, Object> resource : listed(full, "resources")) {
                if ("ROOM".equals(resource.get("kind"))) {
                    choices.put(String.valueOf(resource.get("id")), resource.get("name") + " (" + full.get("name") + ")");
                }
            }
        }
        return choices;
    }

    /** The registry's partners, by name, for choosing a collaboration's partners. */
    private List<Map<String, Object>> directory() {
        List<Map<String, Object>> partners = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            Map<String, Object> result = registry.search(Map.of(), page, 100);
            partners.addAll(listed(result, "items"));
            if (result.get("totalPages") instanceof Number pages && page + 1 >= pages.intValue()) {
                break;
            }
        }
        partners.sort(java.util.Comparator.comparing(p -> String.valueOf(p.get("name"))));
        return partners;
    }

    /** The partners' names for these ids, each asked once; an id the registry does not know shows as such. */
    private Map<String, String> names(List<?> ids) {
        Map<String, String> names = new HashMap<>();
        for (Object id : ids) {
            if (id != null && !names.containsKey(id.toString())) {
                try {
                    names.put(id.toString(), String.valueOf(registry.partner(id.toString()).get("name")));
                } catch (ServiceRefusal unknown) {
                    names.put(id.toString(), "Ukendt aktør");
                }
            }
        }
        return Answers.lenient(names);
    }

    private static String at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(Objects.toString(time, ""))).atZone(DanishText.COPENHAGEN).toInstant().toString();
    }

    private static void change(RedirectAttributes redirect, Runnable change, String notice, String refused) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ServiceRefusal refusal) {
            refusedOrThrow(refusal, redirect, refused);
        }
    }

    /** A refusal told on the page; a 403 or 404 is the error page, as for a meeting the user may not see. */
    private static void refusedOrThrow(ServiceRefusal refusal, RedirectAttributes redirect, String refused) {
        if (refusal.status() == 403 || refusal.status() == 404 && !"validation".equals(refusal.type())) {
            throw refusal;
        }
        redirect.addFlashAttribute("problem", refused + BookingPages.problemText(refusal));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listed(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
