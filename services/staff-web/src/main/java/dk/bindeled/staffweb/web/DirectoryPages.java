package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.RefusalText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner directory (who offers what, where), a partner's page, and my organisation's page to keep it current. */
@Controller
class DirectoryPages {

    private final PartnerRegistry registry;
    private final RoomBooking rooms;

    DirectoryPages(PartnerRegistry registry, RoomBooking rooms) {
        this.registry = registry;
        this.rooms = rooms;
    }

    @GetMapping("/aktoerer")
    String directory(@RequestParam(required = false) String q, @RequestParam(name = "sektor", required = false) String sector,
                     @RequestParam(name = "maalgruppe", required = false) String targetGroup,
                     @RequestParam(name = "hus", required = false) String centre,
                     @RequestParam(name = "ledigePladser", defaultValue = "false") boolean freeCapacity,
                     @RequestParam(name = "side", defaultValue = "0") int page, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("sector", sector);
        filters.put("targetGroup", targetGroup);
        filters.put("centre", centre);
        filters.put("freeCapacity", freeCapacity ? "true" : null);
        model.addAttribute("q", q);
        model.addAttribute("sector", sector);
        model.addAttribute("targetGroup", targetGroup);
        model.addAttribute("centre", centre);
        model.addAttribute("freeCapacity", freeCapacity);
        model.addAttribute("sectors", DanishText.sectors());
        model.addAttribute("targetGroups", DanishText.targetGroups());
        model.addAttribute("centres", rooms.centres());
        model.addAttribute("result", registry.search(filters, Math.max(page, 0), 20));
        return "directory";
    }

    @GetMapping("/aktoerer/{partnerId}")
    String partner(@PathVariable String partnerId, Model model) {
        model.addAttribute("partner", registry.partner(partnerId));
        return "partner";
    }

    @GetMapping("/min-organisation")
    @SuppressWarnings("unchecked")
    String myOrganisation(@ModelAttribute("me") StaffUser me, Model model) {
        if (me.org() == null) {
            model.addAttribute("status", 404);
            model.addAttribute("heading", "Du er ikke knyttet til en organisation");
            model.addAttribute("message", "Siden viser organisationen, du er logget ind for. Din bruger har ingen.");
            return "error-page";
        }
        Map<String, Object> partner = registry.partner(me.org());
        model.addAttribute("partner", partner);
        // After a refusal the form shows what was typed and each field's reason; otherwise the registry's values.
        Map<String, Object> problem = (Map<String, Object>) model.getAttribute("formProblem");
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String field : List.of("name", "description", "website", "email", "phone")) {
            profile.put(field, partner.get(field));
        }
        model.addAttribute("profileForm", form("profil", problem, profile));
        model.addAttribute("contactForm", form("kontakt", problem, Map.of()));
        model.addAttribute("resourceForm", form("deleboers", problem, Map.of()));
        model.addAttribute("categories", DanishText.resourceCategories());
        return "organisation";
    }

    /** The values and field problems of one of my organisation's forms, every key answering (null when absent). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(String name, Map<String, Object> problem, Map<String, Object> values) {
        boolean refused = problem != null && name.equals(problem.get("form"));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("values", Answers.lenient(refused ? (Map<String, Object>) problem.get("values") : values));
        form.put("errors", Answers.lenient(refused ? (Map<String, Object>) problem.get("fields") : Map.of()));
        return Answers.lenient(form);
    }

    /**
     * An offer's capacity, status and referral deadlines; the rest of the offer is sent back as it is (the registry
     * replaces offers whole, so leaving a field out would erase it).
     */
    @PostMapping("/min-organisation/tilbud/{offerId}")
    @SuppressWarnings("unchecked")
    String updateOffer(@PathVariable String offerId, @RequestParam(name = "maximum", required = false) Integer maximum,
                       @RequestParam(name = "available", required = false) Integer available, @RequestParam String status,
                       @RequestParam(name = "answerWorkingDays", required = false) Integer answerWorkingDays,
                       @RequestParam(name = "contactDays", required = false) Integer contactDays,
                       @ModelAttribute("me") StaffUser me, RedirectAttributes redirect) {
        Map<String, Object> offer = registry.offer(offerId);
        if (me.org() == null || !me.org().equals(offer.get("partnerId"))) {
            throw new ServiceRefusal(404, Map.of("detail", "No offer " + offerId));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        for (String field : List.of("title", "description", "targetGroups", "minimumAge", "maximumAge", "languages", "cost", "schedules")) {
            request.put(field, offer.get(field));
        }
        Object location = offer.get("location");
        if (location instanceof Map<?, ?> place) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("centreId", place.get("centreId"));
            where.put("centreName", place.get("centreName"));
            where.put("address", place.get("address"));
            request.put("location", where);
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("maximum", maximum);
        capacity.put("available", available);
        request.put("capacity", capacity);
        request.put("status", status);
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("answerWorkingDays", answerWorkingDays);
        terms.put("contactDays", contactDays);
        request.put("referralTerms", terms);
        try {
            registry.updateOffer(me.org(), offerId, request);
            redirect.addFlashAttribute("notice", "Tilbuddet \"" + offer.get("title") + "\" er opdateret.");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            StringBuilder text = new StringBuilder();
            for (Map<String, Object> error : refusal.listed("errors")) {
                String field = String.valueOf(error.get("field"));
                text.append(field.startsWith("capacity.available") ? "Ledige pladser " : field.startsWith("capacity.maximum") ? "Pladser i alt "
                                : field.equals("referralTerms.answerWorkingDays") ? "Svarfrist " : field.equals("referralTerms.contactDays") ? "Kontaktfrist "
                                : field + " ")
                        .append(RefusalText.reason(String.valueOf(error.get("reason")))).append(". ");
            }
            redirect.addFlashAttribute("offerProblem", Map.of("offerId", offerId, "text", text.isEmpty() ? BookingPages.problemText(refusal) : text.toString().trim()));
        }
        return "redirect:/min-organisation#tilbud-" + offerId;
    }
}
