package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.RefusalText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My organisation's profile, contact people and what it shares on the delebørs, kept current by its partner admins. A
 * refusal comes back to the same form with each field's reason in Danish and everything typed still in the fields.
 */
@Controller
class OrganisationForms {

    /** Danish names of the registry's fields, for the sentence next to a field. */
    private static final Map<String, String> LABELS = Map.of(
            "name", "Navnet", "description", "Beskrivelsen", "website", "Hjemmesiden", "email", "E-mailen", "phone", "Telefonnummeret",
            "role", "Rollen", "workEmail", "E-mailen", "workPhone", "Telefonnummeret", "category", "Kategorien", "terms", "Vilkårene");

    private final PartnerRegistry registry;

    OrganisationForms(PartnerRegistry registry) {
        this.registry = registry;
    }

    /** Name, description and how to reach the organisation; sector, kind and CVR are the registry's and go back unchanged. */
    @PostMapping("/min-organisation/profil")
    String profile(@RequestParam MultiValueMap<String, String> form, @ModelAttribute("me") StaffUser me, RedirectAttributes redirect) {
        Map<String, Object> partner = registry.partner(org(me));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", form.getFirst("name"));
        profile.put("sector", partner.get("sector"));
        profile.put("kind", partner.get("kind"));
        profile.put("cvr", partner.get("cvr"));
        for (String field : new String[] {"description", "website", "email", "phone"}) {
            profile.put(field, blankToNull(form.getFirst(field)));
        }
        return send("profil", form, redirect, "Profilen er gemt.", () -> registry.updateProfile(me.org(), profile));
    }

    @PostMapping("/min-organisation/kontakter")
    String addContact(@RequestParam MultiValueMap<String, String> form, @ModelAttribute("me") StaffUser me, RedirectAttributes redirect) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", form.getFirst("name"));
        for (String field : new String[] {"role", "workEmail", "workPhone"}) {
            contact.put(field, blankToNull(form.getFirst(field)));
        }
        return send("kontakt", form, redirect, "Kontaktpersonen " + form.getFirst("name") + " er tilføjet.",
                () -> registry.addContact(org(me), contact));
    }

    @PostMapping("/min-organisation/kontakter/{contactId}/fjern")
    String removeContact(@PathVariable String contactId, @RequestParam(required = false) String name, @ModelAttribute("me") StaffUser me,
                         RedirectAttributes redirect) {
        return send("kontakt", null, redirect, "Kontaktpersonen " + (name == null ? "" : name + " ") + "er fjernet.",
                () -> registry.removeContact(org(me), contactId));
    }

    @PostMapping("/min-organisation/deleboers")
    String share(@RequestParam MultiValueMap<String, String> form, @ModelAttribute("me") StaffUser me, RedirectAttributes redirect) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", form.getFirst("name"));
        resource.put("category", blankToNull(form.getFirst("category")));
        resource.put("description", blankToNull(form.getFirst("description")));
        resource.put("terms", blankToNull(form.getFirst("terms")));
        return send("deleboers", form, redirect, "\"" + form.getFirst("name") + "\" er nu på delebørsen.",
                () -> registry.shareResource(org(me), resource));
    }

    @PostMapping("/min-organisation/deleboers/{resourceId}/fjern")
    String withdraw(@PathVariable String resourceId, @RequestParam(required = false) String name, @ModelAttribute("me") StaffUser me,
                    RedirectAttributes redirect) {
        return send("deleboers", null, redirect, (name == null ? "Tingen" : "\"" + name + "\"") + " er taget af delebørsen.",
                () -> registry.withdrawResource(org(me), resourceId));
    }

    /**
     * Sends the change; a refusal of what was typed goes back to the form (field by field, the values kept), one of who
     * may do it to the error page.
     */
    private String send(String formName, MultiValueMap<String, String> typed, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404 && !"validation".equals(refusal.type())) {
                throw refusal;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map<String, Object> error : refusal.listed("errors")) {
                String field = String.valueOf(error.get("field"));
                String key = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
                fields.merge(key, LABELS.getOrDefault(key, key) + " " + RefusalText.reason(String.valueOf(error.get("reason"))) + ".",
                        (a, b) -> a + " " + b);
            }
            if (fields.isEmpty()) {
                fields.put("global", BookingPages.problemText(refusal));
            }
            redirect.addFlashAttribute("formProblem", Map.of("form", formName, "fields", fields,
                    "values", typed == null ? Map.of() : typed.toSingleValueMap()));
        }
        return "redirect:/min-organisation#" + formName;
    }

    private static String org(StaffUser me) {
        if (me.org() == null) {
            throw new ServiceRefusal(404, Map.of("detail", "No organisation"));
        }
        return me.org();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
