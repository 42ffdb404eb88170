package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.RefusalText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.Referrals;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Referrals in the staff web app: the inbox (received and sent, overdue first), a new referral with the consent captured
 * field by field, a referral's timeline with the steps the caller's side may take, revoking a consent, and a resident's
 * export and erasure. What the referrals service refuses comes back in Danish on the field it names, with what was typed.
 */
@Controller
class ReferralPages {

    /** The steps the detail page offers as forms, in the order the pages show them, with the service's path for each. */
    static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("ACCEPT", "accept");
        STEPS.put("CONTACT_MADE", "contact-made");
        STEPS.put("CONTACT_FAILED", "contact-failed");
        STEPS.put("COMPLETE", "complete");
        STEPS.put("DECLINE", "decline");
        STEPS.put("FORWARD", "forward");
        STEPS.put("SEND", "send");
        STEPS.put("WITHDRAW", "withdraw");
        STEPS.put("ENTERED_IN_ERROR", "entered-in-error");
    }

    /** The fields of the new-referral form, by the names the service's refusals use. */
    static final java.util.Set<String> FORM_FIELDS = java.util.Set.of("name", "phone", "email", "dateOfBirth", "preferredLanguage",
            "contactPreference", "offerId", "note", "purpose", "sharedData", "basis", "provision", "givenBy", "givenOn", "expiresOn",
            "capacityOverrideReason");

    private final Referrals referrals;
    private final PartnerRegistry registry;
    private final Clock clock;

    ReferralPages(Referrals referrals, PartnerRegistry registry, Clock clock) {
        this.referrals = referrals;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/henvisninger")
    String inbox(@RequestParam(name = "kasse", defaultValue = "modtaget") String box, @RequestParam(name = "status", required = false) String status,
                 Model model) {
        boolean sent = "sendt".equals(box);
        List<Map<String, Object>> rows = referrals.box(sent ? "sent" : "received", status);
        model.addAttribute("sent", sent);
        model.addAttribute("status", status);
        model.addAttribute("rows", rows);
        model.addAttribute("names", names(rows));
        model.addAttribute("offers", offerTitles());
        model.addAttribute("statuses", dk.bindeled.staffweb.domain.ReferralText.statuses());
        return "referrals";
    }

    @GetMapping("/henvisninger/ny")
    String form(Model model) {
        Map<String, Object> values = new HashMap<>();
        values.put("givenOn", LocalDate.now(clock.withZone(dk.bindeled.staffweb.domain.DanishText.COPENHAGEN)).toString());
        values.put("contactPreference", "PHONE");
        values.put("basis", "CONSENT");
        values.put("givenBy", "RESIDENT");
        return renderForm(model, values, Map.of(), List.of("NAME", "PHONE", "CONTACT_PREFERENCE"));
    }

    /**
     * Registers the resident (once: a refused referral keeps the resident's id in the form) and refers it, consent included,
     * in one request to the service, which stores nothing of a refused referral.
     */
    @PostMapping("/henvisninger")
    String refer(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> values = new HashMap<>(form.toSingleValueMap());
        List<String> fields = form.getOrDefault("sharedData", List.of());
        String residentId = blank(form.getFirst("residentId"));
        try {
            if (residentId == null) {
                Map<String, Object> resident = new LinkedHashMap<>();
                resident.put("name", form.getFirst("name"));
                resident.put("phone", blank(form.getFirst("phone")));
                resident.put("email", blank(form.getFirst("email")));
                resident.put("dateOfBirth", blank(form.getFirst("dateOfBirth")));
                resident.put("preferredLanguage", blank(form.getFirst("preferredLanguage")));
                resident.put("contactPreference", blank(form.getFirst("contactPreference")));
                residentId = String.valueOf(referrals.registerResident(resident).get("id"));
                values.put("residentId", residentId);
            }
            String offerId = form.getFirst("offerId");
            Map<String, Object> offer = offerById(offerId);
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("purpose", form.getFirst("purpose"));
            consent.put("sharedData", fields);
            consent.put("basis", form.getFirst("basis"));
            consent.put("provision", blank(form.getFirst("provision")));
            consent.put("givenBy", "LEGAL_PROVISION".equals(form.getFirst("basis")) ? "NONE" : form.getFirst("givenBy"));
            consent.put("givenOn", blank(form.getFirst("givenOn")));
            consent.put("expiresOn", blank(form.getFirst("expiresOn")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("residentId", residentId);
            body.put("recipient", offer == null ? null : offer.get("partnerId"));
            body.put("offerId", offerId);
            body.put("targetGroup", blank(form.getFirst("targetGroup")) != null ? form.getFirst("targetGroup") : firstGroup(offer));
            body.put("note", blank(form.getFirst("note")));
            body.put("consent", consent);
            body.put("capacityOverrideReason", blank(form.getFirst("capacityOverrideReason")));
            Map<String, Object> created = referrals.refer(body);
            List<?> warnings = created.get("warnings") instanceof List<?> w ? w : List.of();
            redirect.addFlashAttribute("notice", "Henvisningen er sendt." + (warnings.contains("open-referral-same-target-group")
                    ? " Bemærk: borgeren har allerede en åben henvisning til samme målgruppe hos en anden aktør." : ""));
            return "redirect:/henvisninger/" + created.get("id");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (Map<String, Object> error : refusal.listed("errors")) {
                String field = String.valueOf(error.get("field"));
                String key = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
                // The recipient is the chosen offer's partner; a field the form does not have is said above the form.
                key = "recipient".equals(key) ? "offerId" : FORM_FIELDS.contains(key) ? key : "global";
                String reason = RefusalText.reason(String.valueOf(error.get("reason")));
                errors.merge(key, "global".equals(key) ? field + " " + reason : reason, (a, b) -> a + "; " + b);
            }
            Object rule = refusal.problem().get("rule");
            if ("offer-full".equals(rule)) {
                errors.put("offerId", "Tilbuddet har ingen ledige pladser. Vælg et andet, eller skriv hvorfor borgeren skal henvises alligevel.");
                model.addAttribute("alternatives", refusal.listed("alternatives"));
            } else if ("duplicate-referral".equals(rule)) {
                errors.put("offerId", "Borgeren har allerede en åben henvisning til dette tilbud.");
                model.addAttribute("duplicate", refusal.problem().get("referralId"));
            } else if ("no-valid-consent".equals(rule)) {
                errors.put("givenOn", "Samtykket gælder ikke i dag: det skal være givet senest i dag og ikke være udløbet.");
            } else if (errors.isEmpty()) {
                errors.put("global", BookingPages.problemText(refusal));
            }
            return renderForm(model, values, errors, fields);
        }
    }

    @GetMapping("/henvisninger/{referralId}")
    String referral(@PathVariable String referralId, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> referral = referrals.referral(referralId);
        model.addAttribute("r", referral);
        model.addAttribute("names", names(List.of(referral)));
        model.addAttribute("offers", offerTitles());
        model.addAttribute("steps", STEPS.keySet().stream().filter(s -> ((List<?>) referral.getOrDefault("steps", List.of())).contains(s)).toList());
        model.addAttribute("declineReasons", dk.bindeled.staffweb.domain.ReferralText.declineReasons());
        model.addAttribute("outcomes", dk.bindeled.staffweb.domain.ReferralText.outcomes());
        model.addAttribute("ownOffers", referrals.offers().stream()
                .filter(o -> String.valueOf(o.get("partnerId")).equals(String.valueOf(referral.get("recipient"))))
                .filter(o -> !String.valueOf(o.get("offerId")).equals(String.valueOf(referral.get("offerId")))).toList());
        return "referral";
    }

    @PostMapping("/henvisninger/{referralId}/trin/{step}")
    String step(@PathVariable String referralId, @PathVariable String step, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes redirect) {
        String path = STEPS.get(step);
        if (path == null) {
            throw new ServiceRefusal(404, Map.of("detail", "No step " + step));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", blank(form.getFirst("note")));
        if ("DECLINE".equals(step)) {
            body.put("reason", form.getFirst("reason"));
        } else if ("COMPLETE".equals(step)) {
            body.put("outcome", form.getFirst("outcome"));
        } else if ("FORWARD".equals(step)) {
            body.put("toOfferId", form.getFirst("toOfferId"));
        }
        try {
            referrals.step(referralId, path, body);
            redirect.addFlashAttribute("notice", dk.bindeled.staffweb.domain.ReferralText.step(done(step)) + ".");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", BookingPages.problemText(refusal));
        }
        return "redirect:/henvisninger/" + referralId;
    }

    @PostMapping("/henvisninger/{referralId}/samtykker/{consentId}/tilbagekald")
    String revoke(@PathVariable String referralId, @PathVariable String consentId, RedirectAttributes redirect) {
        attempt(redirect, () -> referrals.revokeConsent(referralId, consentId),
                "Samtykket er trukket tilbage. Modtageren kan ikke længere se borgerens oplysninger.");
        return "redirect:/henvisninger/" + referralId;
    }

    /**
     * A status link for a partner without an account. Its address is shown once, on the page the browser comes back to;
     * the service keeps only a hash of it, so a lost address is revoked and a new one made.
     */
    @PostMapping("/henvisninger/{referralId}/statuslinks")
    String issueStatusLink(@PathVariable String referralId, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", blank(form.getFirst("label")));
        String days = blank(form.getFirst("expiresInDays"));
        if (days != null && !days.matches("\\d{1,3}")) {
            redirect.addFlashAttribute("problem", "Linket er ikke lavet: antal dage skal være et helt tal fra 1 til 30.");
            return "redirect:/henvisninger/" + referralId + "#statuslinks-h";
        }
        body.put("expiresInDays", days == null ? null : Integer.valueOf(days));
        body.put("showPersonalData", "on".equals(form.getFirst("showPersonalData")));
        try {
            Map<String, Object> issued = referrals.issueStatusLink(referralId, body);
            redirect.addFlashAttribute("statusLinkAddress", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/status/{token}").buildAndExpand(issued.get("token")).toUriString());
            redirect.addFlashAttribute("notice", "Statuslinket er lavet. Kopiér adressen nu – den vises kun denne ene gang.");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", "Linket er ikke lavet: " + BookingPages.problemText(refusal));
        }
        return "redirect:/henvisninger/" + referralId + "#statuslinks-h";
    }

    @PostMapping("/henvisninger/{referralId}/statuslinks/{linkId}/tilbagekald")
    String revokeStatusLink(@PathVariable String referralId, @PathVariable String linkId, RedirectAttributes redirect) {
        attempt(redirect, () -> referrals.revokeStatusLink(referralId, linkId), "Statuslinket er trukket tilbage og virker ikke længere.");
        return "redirect:/henvisninger/" + referralId + "#statuslinks-h";
    }

    @GetMapping("/borgere/{residentId}")
    String resident(@PathVariable String residentId, Model model) {
        Map<String, Object> export = referrals.export(residentId);
        model.addAttribute("export", export);
        model.addAttribute("names", names((List<Map<String, Object>>) export.getOrDefault("referrals", List.of())));
        model.addAttribute("residentId", residentId);
        return "resident";
    }

    /** The export as the service gives it, for the resident to take away. */
    @GetMapping(value = "/borgere/{residentId}/eksport.json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> exportJson(@PathVariable String residentId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"borger-" + residentId + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(referrals.export(residentId));
    }

    @GetMapping(value = "/borgere/{residentId}/eksport.pdf")
    @ResponseBody
    ResponseEntity<byte[]> exportPdf(@PathVariable String residentId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"borger-" + residentId + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(referrals.exportPdf(residentId));
    }

    @PostMapping("/borgere/{residentId}/glem")
    String forget(@PathVariable String residentId, @RequestParam String decision, @RequestParam(required = false) String legalBasis,
                  RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("legalBasis", blank(legalBasis));
        try {
            referrals.forget(residentId, body);
            redirect.addFlashAttribute("notice", "ERASE".equals(decision)
                    ? "Borgerens oplysninger er slettet hos jer. Historikken står tilbage uden dem."
                    : "Afvisningen af sletningen er registreret med sin hjemmel.");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", BookingPages.problemText(refusal));
        }
        return "redirect:/borgere/" + residentId;
    }

    private String renderForm(Model model, Map<String, Object> values, Map<String, String> errors, List<String> fields) {
        model.addAttribute("form", Answers.lenient(Map.of("values", values, "errors", errors)));
        model.addAttribute("chosenFields", fields);
        model.addAttribute("allOffers", referrals.offers());
        model.addAttribute("fields", dk.bindeled.staffweb.domain.ReferralText.fields());
        model.addAttribute("contactPreferences", dk.bindeled.staffweb.domain.ReferralText.contactPreferences());
        model.addAttribute("bases", dk.bindeled.staffweb.domain.ReferralText.bases());
        return "referral-form";
    }

    private Map<String, Object> offerById(String offerId) {
        return offerId == null ? null : referrals.offers().stream().filter(o -> offerId.equals(o.get("offerId"))).findFirst().orElse(null);
    }

    private Map<String, String> offerTitles() {
        Map<String, String> titles = new HashMap<>();
        referrals.offers().forEach(o -> titles.put(String.valueOf(o.get("offerId")), String.valueOf(o.get("title"))));
        return Answers.lenient(titles);
    }

    /** The partners' names for the ids in these referrals, each asked once. */
    private Map<String, String> names(List<Map<String, Object>> rows) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> row : rows) {
            for (String key : List.of("referrer", "recipient")) {
                Object id = row.get(key);
                if (id != null && !names.containsKey(id.toString())) {
                    try {
                        names.put(id.toString(), String.valueOf(registry.partner(id.toString()).get("name")));
                    } catch (ServiceRefusal unknown) {
                        names.put(id.toString(), "Ukendt aktør");
                    }
                }
            }
        }
        return Answers.lenient(names);
    }

    private static String done(String step) {
        return switch (step) {
            case "ACCEPT" -> "ACCEPTED";
            case "DECLINE" -> "DECLINED";
            case "FORWARD" -> "FORWARDED";
            case "COMPLETE" -> "COMPLETED";
            case "WITHDRAW" -> "WITHDRAWN";
            case "SEND" -> "SENT";
            default -> step;
        };
    }

    private static String firstGroup(Map<String, Object> offer) {
        return offer != null && offer.get("targetGroups") instanceof List<?> groups && !groups.isEmpty() ? String.valueOf(groups.get(0)) : null;
    }

    /**
     * One change asked of the service: its notice when done, its refusal told on the page. A 403 or 404 is not told
     * there but is the error page, as for a referral the user may not see.
     */
    private static void attempt(RedirectAttributes redirect, Runnable change, String notice) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", BookingPages.problemText(refusal));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
