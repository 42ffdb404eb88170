package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.LogbookText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Logbook;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting of the logbook in the staff web app: its room and room booking's answer, agenda, attendance, proxies, votes
 * shown live, decisions, minutes through the amendment round, and action items. What the logbook refuses is told on the
 * page the browser comes back to, in Danish, naming the field.
 */
@Controller
class MeetingPages {

    private final Logbook logbook;
    private final LogbookPageSupport pages;
    private final Clock clock;

    MeetingPages(Logbook logbook, LogbookPageSupport pages, Clock clock) {
        this.logbook = logbook;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/moeder/{id}")
    String meeting(@PathVariable String id, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> m = meetingModel(id, me, model);
        model.addAttribute("decisionTypes", LogbookText.decisionTypes());
        model.addAttribute("majorities", LogbookText.majorities());
        model.addAttribute("rooms", pages.roomChoices());
        model.addAttribute("inAWeek", LocalDate.now(clock.withZone(DanishText.COPENHAGEN)).plusDays(7).toString());
        model.addAttribute("otherMeetings", LogbookPageSupport.listed(logbook.collaboration(String.valueOf(m.get("collaborationId"))), "meetings").stream()
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
        body.put("resourceId", LogbookPageSupport.blank(resourceId));
        body.put("partnerId", LogbookPageSupport.blank(partnerId));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "room", body), "Lokalet er bestilt; svaret fra lokalebookingen vises her.", "Lokalet er ikke bestilt: ");
        return "redirect:/moeder/" + id + "#lokale-h";
    }

    @PostMapping("/moeder/{id}/dagsorden")
    String agenda(@PathVariable String id, @RequestParam String title, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "agenda", Map.of("title", title)), "Punktet er sat på dagsordenen.", "Punktet er ikke tilføjet: ");
        return "redirect:/moeder/" + id + "#dagsorden-h";
    }

    @PostMapping("/moeder/{id}/dagsorden/{item}/afslut")
    String finish(@PathVariable String id, @PathVariable String item, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "agenda/" + item + "/finish", Map.of()), "Punktet er behandlet og går ikke videre til næste møde.",
                "Punktet er ikke afsluttet: ");
        return "redirect:/moeder/" + id + "#dagsorden-h";
    }

    /** Who came, organisation by organisation: one field each, names separated by commas; only what changed is sent. */
    @PostMapping("/moeder/{id}/fremmoede")
    String attendance(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> m = logbook.meeting(id);
        Map<String, List<String>> recorded = new HashMap<>();
        LogbookPageSupport.listed(m, "attendance").forEach(a -> recorded.put(String.valueOf(a.get("org")), LogbookPageSupport.strings(a.get("people"))));
        LogbookPageSupport.change(redirect, () -> {
            for (String org : LogbookPageSupport.strings(m.get("members"))) {
                List<String> people = LogbookPageSupport.lines(Objects.toString(form.get("people-" + org), "").replace(',', '\n'));
                if (!people.equals(recorded.getOrDefault(org, List.of()))) {
                    logbook.attendance(id, org, people);
                }
            }
        }, "Fremmødet er gemt.", "Fremmødet er ikke gemt: ");
        return "redirect:/moeder/" + id + "#fremmoede-h";
    }

    @PostMapping("/moeder/{id}/fuldmagter")
    String proxy(@PathVariable String id, @RequestParam String fromOrg, @RequestParam String toOrg, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "proxies", Map.of("fromOrg", fromOrg, "toOrg", toOrg)), "Fuldmagten er registreret; begge foreninger kan se den.",
                "Fuldmagten er ikke registreret: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger")
    String openVote(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaItemId", LogbookPageSupport.blank(form.get("agendaItemId")));
        body.put("motion", form.get("motion"));
        body.put("majority", LogbookPageSupport.blank(form.get("majority")));
        String share = LogbookPageSupport.blank(form.get("quorumPercent"));
        String minimum = LogbookPageSupport.blank(form.get("quorumMinimum"));
        if (share != null && !share.matches("\\d{1,3}") || minimum != null && !minimum.matches("\\d{1,4}")) {
            redirect.addFlashAttribute("problem", "Afstemningen er ikke åbnet: beslutningsdygtighed angives som en hel procent (0–100) og et helt antal foreninger.");
            return "redirect:/moeder/" + id + "#afstemninger-h";
        }
        body.put("quorumShare", share == null ? 0.0 : Integer.parseInt(share) / 100.0);
        body.put("quorumMinimum", minimum == null ? 0 : Integer.valueOf(minimum));
        body.put("secret", "on".equals(form.get("secret")));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "votes", body), "Afstemningen er åbnet. Listen over stemmeberettigede er låst nu.",
                "Afstemningen er ikke åbnet: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/stem")
    String cast(@PathVariable String id, @PathVariable String vote, @RequestParam String choice, @RequestParam(required = false) String forOrg,
                RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("choice", choice);
        body.put("forOrg", LogbookPageSupport.blank(forOrg));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/ballots", body), "Stemmen er afgivet: " + LogbookText.choice(choice) + ".",
                "Stemmen er ikke afgivet: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/optaelling")
    String totals(@PathVariable String id, @PathVariable String vote, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String part : List.of("forVotes", "against", "abstain")) {
            String value = LogbookPageSupport.blank(form.get(part));
            if (value == null || !value.matches("\\d{1,4}")) {
                redirect.addFlashAttribute("problem", "Optællingen er ikke gemt: skriv et helt antal stemmer i hvert felt.");
                return "redirect:/moeder/" + id + "#afstemninger-h";
            }
            body.put(part, Integer.valueOf(value));
        }
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/totals", body), "Optællingen er gemt.", "Optællingen er ikke gemt: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/afstemninger/{vote}/luk")
    String close(@PathVariable String id, @PathVariable String vote, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "votes/" + vote + "/close", Map.of()), "Afstemningen er lukket, og resultatet står nedenfor.",
                "Afstemningen er ikke lukket: ");
        return "redirect:/moeder/" + id + "#afstemninger-h";
    }

    @PostMapping("/moeder/{id}/beslutninger")
    String decide(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaItemId", LogbookPageSupport.blank(form.get("agendaItemId")));
        body.put("type", LogbookPageSupport.blank(form.get("type")));
        body.put("text", form.get("text"));
        body.put("voteId", LogbookPageSupport.blank(form.get("voteId")));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "decisions", body), "Beslutningen er ført til protokol.", "Beslutningen er ikke gemt: ");
        return "redirect:/moeder/" + id + "#beslutninger-h";
    }

    @PostMapping("/moeder/{id}/referat")
    String draft(@PathVariable String id, @RequestParam String text, RedirectAttributes redirect) {
        LogbookPageSupport.change(redirect, () -> logbook.draftMinutes(id, text), "Referatet er gemt som udkast.", "Referatet er ikke gemt: ");
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
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "minutes/circulate", Map.of("amendmentsUntil", deadline.toString())),
                "Referatet er sendt til rettelser hos deltagerne. Mødets protokol er nu låst.", "Referatet er ikke sendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/rettelser")
    String amend(@PathVariable String id, @RequestParam String text, @RequestParam(required = false) String proposedBy, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("proposedBy", LogbookPageSupport.blank(proposedBy));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "minutes/amendments", body), "Rettelsen er sendt til koordinatoren.", "Rettelsen er ikke sendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/rettelser/{amendment}")
    String decideAmendment(@PathVariable String id, @PathVariable String amendment, @RequestParam String accepted,
                           @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", "ja".equals(accepted));
        body.put("reason", LogbookPageSupport.blank(reason));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "minutes/amendments/" + amendment + "/decision", body),
                "ja".equals(accepted) ? "Rettelsen er indarbejdet." : "Rettelsen er ikke indarbejdet; begrundelsen står ved den.", "Rettelsen er ikke afgjort: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/referat/godkend")
    String approve(@PathVariable String id, @RequestParam(required = false) String atMeetingId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("atMeetingId", LogbookPageSupport.blank(atMeetingId));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "minutes/approve", body), "Referatet er godkendt og låst. Senere rettelser bliver nye rettelser.",
                "Referatet er ikke godkendt: ");
        return "redirect:/moeder/" + id + "#referat-h";
    }

    @PostMapping("/moeder/{id}/opgaver")
    String assign(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.get("title"));
        body.put("ownerOrg", LogbookPageSupport.blank(form.get("ownerOrg")));
        body.put("ownerPerson", LogbookPageSupport.blank(form.get("ownerPerson")));
        body.put("dueDate", LogbookPageSupport.blank(form.get("dueDate")));
        LogbookPageSupport.change(redirect, () -> logbook.meetingStep(id, "action-items", body), "Opgaven er givet videre. Er den ikke udført, kommer den på næste dagsorden.",
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
        body.put("reason", LogbookPageSupport.blank(reason));
        LogbookPageSupport.change(redirect, () -> logbook.actionItem(item, path, body), "udfoert".equals(step) ? "Opgaven er udført." : "Opgaven er annulleret.",
                "Opgaven er ikke ændret: ");
        // Only pages of this app: back is a meeting's or a collaboration's id.
        return back.startsWith("samarbejde-") ? "redirect:/samarbejder/" + back.substring(11) + "#opgaver-h" : "redirect:/moeder/" + back + "#opgaver-h";
    }

    private Map<String, Object> meetingModel(String id, StaffUser me, Model model) {
        Map<String, Object> m = logbook.meeting(id);
        model.addAttribute("m", m);
        List<Object> orgs = new ArrayList<>(LogbookPageSupport.strings(m.get("members")));
        orgs.add(m.get("coordinatorOrg"));
        model.addAttribute("names", pages.names(orgs));
        boolean coordinator = me.org() != null && me.org().equals(m.get("coordinatorOrg"));
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("member", me.org() != null && LogbookPageSupport.strings(m.get("members")).contains(me.org()));
        Map<String, String> proxiesHeld = new LinkedHashMap<>();
        LogbookPageSupport.listed(m, "proxies").forEach(p -> {
            if (Objects.equals(me.org(), p.get("toOrg"))) {
                proxiesHeld.put(String.valueOf(p.get("fromOrg")), String.valueOf(p.get("toOrg")));
            }
        });
        model.addAttribute("proxiesHeld", proxiesHeld);
        Map<String, List<String>> people = new HashMap<>();
        LogbookPageSupport.listed(m, "attendance").forEach(a -> people.put(String.valueOf(a.get("org")), LogbookPageSupport.strings(a.get("people"))));
        model.addAttribute("people", people);
        model.addAttribute("anyOpenVote", LogbookPageSupport.listed(m, "votes").stream().anyMatch(v -> !Boolean.TRUE.equals(v.get("closed"))));
        return m;
    }
}
