package dk.bindeled.staffweb.web;

import dk.bindeled.events.IsoWeek;
import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.RefusalText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import dk.bindeled.staffweb.integration.out.ServiceUnavailable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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

/**
 * Booking a room, a series, or a place on the waitlist; a booking's page with move and cancel. The rules are shown
 * before sending, and every refusal comes back onto the field it concerns, in Danish; a clash names the booking in
 * the way and offers the nearest free alternatives.
 */
@Controller
class BookingPages {

    private final RoomBooking rooms;
    private final PartnerRegistry registry;
    private final Clock clock;

    BookingPages(RoomBooking rooms, PartnerRegistry registry, Clock clock) {
        this.rooms = rooms;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/book")
    String form(@RequestParam(name = "lokale") String resourceId,
                @RequestParam(name = "dato", required = false) LocalDate date,
                @RequestParam(name = "fra", required = false) LocalTime from,
                @RequestParam(name = "til", required = false) LocalTime to,
                @RequestParam(name = "deltagere", required = false) Integer attendees,
                @RequestParam(name = "serie", defaultValue = "false") boolean series,
                @ModelAttribute("me") StaffUser me, Model model) {
        BookingForm form = new BookingForm();
        form.setResourceId(resourceId);
        form.setPartnerId(me.partnerMember() ? me.org() : null);
        form.setDate(date != null ? date : LocalDate.now(clock.withZone(DanishText.COPENHAGEN)));
        form.setFrom(from != null ? from : LocalTime.of(10, 0));
        form.setTo(to != null ? to : form.getFrom().plusHours(1));
        form.setAttendees(attendees);
        return render(form, series, me, model, Map.of(), null);
    }

    /** The quota line of the form, again for another partner or date (htmx swaps it in place). */
    @GetMapping("/book/kvote")
    String quotaLine(@RequestParam(name = "hus") String centreId, @RequestParam(name = "partnerId", required = false) String partnerId,
                     @RequestParam(name = "date", required = false) LocalDate date, Model model) {
        model.addAttribute("quota", quotaText(centreId, partnerId, date));
        model.addAttribute("centreId", centreId);
        return "book :: quota";
    }

    @PostMapping("/book")
    String book(@ModelAttribute("form") BookingForm form, @ModelAttribute("me") StaffUser me, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Object> result = rooms.book(form.bookingRequest());
            redirect.addFlashAttribute("notice", "REQUESTED".equals(result.get("status"))
                    ? "Bookingen er sendt til godkendelse hos husets leder. Tiden er holdt til jer imens."
                    : "Bookingen er bekræftet.");
            return "redirect:/bookinger/" + result.get("bookingId");
        } catch (ServiceRefusal refusal) {
            return refused(form, false, refusal, me, model);
        }
    }

    @PostMapping("/serie")
    String bookSeries(@ModelAttribute("form") BookingForm form, @ModelAttribute("me") StaffUser me, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Object> result = rooms.bookSeries(form.seriesRequest());
            Object skipped = result.get("skippedDates");
            redirect.addFlashAttribute("notice", "Serien er booket" + (skipped instanceof List<?> dates && !dates.isEmpty()
                    ? " uden " + String.join(", ", dates.stream().map(d -> DanishText.day(LocalDate.parse(d.toString()))).toList())
                    + ", som var optaget." : ".")
                    + ("REQUESTED".equals(result.get("status")) ? " Den venter på godkendelse hos husets leder." : ""));
            return "redirect:/serier/" + result.get("seriesId");
        } catch (ServiceRefusal refusal) {
            return refused(form, true, refusal, me, model);
        }
    }

    @PostMapping("/venteliste")
    String joinWaitlist(@ModelAttribute("form") BookingForm form, @ModelAttribute("me") StaffUser me, Model model, RedirectAttributes redirect) {
        try {
            rooms.joinWaitlist(form.bookingRequest());
            redirect.addFlashAttribute("notice", "I står nu på ventelisten. Bliver tiden ledig, får I den tilbudt her på Min dag.");
            return "redirect:/";
        } catch (ServiceRefusal refusal) {
            return refused(form, false, refusal, me, model);
        }
    }

    @GetMapping("/bookinger/{bookingId}")
    String booking(@PathVariable String bookingId, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> booking = rooms.booking(bookingId);
        model.addAttribute("booking", booking);
        model.addAttribute("mayChange", me.mayChange(String.valueOf(booking.get("partnerId")), String.valueOf(booking.get("centreId"))));
        model.addAttribute("mayAnswer", me.memberOf(String.valueOf(booking.get("partnerId"))));
        model.addAttribute("cancellationReasons", DanishText.cancellationReasons());
        model.addAttribute("rejectionReasons", DanishText.rejectionReasons());
        return "booking";
    }

    @GetMapping("/serier/{seriesId}")
    String series(@PathVariable String seriesId, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> series = rooms.series(seriesId);
        model.addAttribute("series", series);
        model.addAttribute("mayChange", me.mayChange(String.valueOf(series.get("partnerId")), String.valueOf(series.get("centreId"))));
        model.addAttribute("cancellationReasons", DanishText.cancellationReasons());
        return "series";
    }

    @PostMapping("/bookinger/{bookingId}/aflys")
    String cancel(@PathVariable String bookingId, @RequestParam String reasonCategory, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        return act(bookingId, "cancel", reasonBody(reasonCategory, note), "Bookingen er aflyst, og tiden er ledig igen.", redirect);
    }

    @PostMapping("/bookinger/{bookingId}/flyt")
    String move(@PathVariable String bookingId, @RequestParam LocalDate date,
                @RequestParam LocalTime from,
                @RequestParam LocalTime to, RedirectAttributes redirect) {
        return act(bookingId, "move", Map.of("start", date.atTime(from).toString(), "end", date.atTime(to).toString()),
                "Bookingen er flyttet.", redirect);
    }

    @PostMapping("/bookinger/{bookingId}/accepter")
    String accept(@PathVariable String bookingId, RedirectAttributes redirect) {
        return act(bookingId, "accept", Map.of(), "I har taget imod tiden fra ventelisten.", redirect);
    }

    @PostMapping("/bookinger/{bookingId}/afslaa")
    String decline(@PathVariable String bookingId, RedirectAttributes redirect) {
        return act(bookingId, "decline", Map.of(), "I har sagt nej tak; tiden går videre til den næste på ventelisten.", redirect);
    }

    @PostMapping("/serier/{seriesId}/aflys")
    String cancelSeries(@PathVariable String seriesId, @RequestParam LocalDate fromDate,
                        @RequestParam String reasonCategory, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = reasonBody(reasonCategory, note);
        body.put("fromDate", fromDate.toString());
        try {
            rooms.seriesAction(seriesId, "cancel", body);
            redirect.addFlashAttribute("notice", "Serien er aflyst fra " + DanishText.day(fromDate) + ".");
        } catch (ServiceRefusal refusal) {
            redirect.addFlashAttribute("problem", problemText(refusal));
        }
        return "redirect:/serier/" + seriesId;
    }

    static Map<String, Object> reasonBody(String reasonCategory, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reasonCategory", reasonCategory);
        body.put("note", note == null || note.isBlank() ? null : note);
        return body;
    }

    private String act(String bookingId, String action, Map<String, Object> body, String done, RedirectAttributes redirect) {
        try {
            rooms.bookingAction(bookingId, action, body);
            redirect.addFlashAttribute("notice", done);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", problemText(refusal));
        }
        return "redirect:/bookinger/" + bookingId;
    }

    /**
     * What is left of the partner's quota in the week of the date, in Danish, from the same ledger the booking is judged
     * by; null while no partner or date is chosen, or when the quota cannot be read (the booking's own answer then says).
     */
    private String quotaText(String centreId, String partnerId, LocalDate date) {
        if (partnerId == null || partnerId.isBlank() || date == null) {
            return null;
        }
        try {
            return quotaText(rooms.quota(centreId, partnerId, date), date);
        } catch (ServiceRefusal | ServiceUnavailable unreadable) {
            return null;
        }
    }

    static String quotaText(Map<String, Object> standing, LocalDate date) {
        String week = "uge " + IsoWeek.of(date).week();
        Object hours = standing.get("hoursPerWeek");
        Object peak = standing.get("peakHoursPerWeek");
        if (hours == null && peak == null) {
            return "Ingen kvote i " + week + ": der er ikke sat en grænse for timer om ugen.";
        }
        StringBuilder text = new StringBuilder("Tilbage af kvoten i " + week + ": ");
        if (hours != null) {
            text.append(DanishText.number(((Number) standing.get("leftHours")).doubleValue())).append(" af ").append(hours).append(" timer");
        }
        if (peak != null) {
            text.append(hours != null ? ", heraf " : "")
                    .append(DanishText.number(((Number) standing.get("leftPeakHours")).doubleValue())).append(" af ").append(peak)
                    .append(" timer i travl tid");
        }
        return text.append('.').toString();
    }

    /** A refusal that names no field, in Danish: the rule broken, or the fields' reasons in one sentence. */
    static String problemText(ServiceRefusal refusal) {
        Object rule = refusal.problem().get("rule");
        String known = RefusalText.rule(rule != null ? rule.toString() : refusal.type());
        if (known != null) {
            return known;
        }
        List<String> reasons = new ArrayList<>();
        for (Map<String, Object> error : refusal.listed("errors")) {
            reasons.add(error.get("field") + " " + RefusalText.reason(String.valueOf(error.get("reason"))));
        }
        return reasons.isEmpty() ? RefusalText.reason(refusal.detail()) : String.join("; ", reasons);
    }

    private String refused(BookingForm form, boolean series, ServiceRefusal refusal, StaffUser me, Model model) {
        if (refusal.status() == 404 && !"validation".equals(refusal.type())) {
            throw refusal;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Map<String, Object> error : refusal.listed("errors")) {
            errors.computeIfAbsent(BookingForm.fieldOf(String.valueOf(error.get("field"))), f -> new ArrayList<>())
                    .add(RefusalText.reason(String.valueOf(error.get("reason"))));
        }
        List<Map<String, Object>> clashes = refusal.listed("clashes");
        if ("booking-conflict".equals(refusal.type())) {
            model.addAttribute("clashes", clashes);
            model.addAttribute("clashingDates", refusal.problem().getOrDefault("clashingDates", List.of()));
            if (!series) {
                String centreId = String.valueOf(rooms.resource(form.getResourceId()).get("centreId"));
                model.addAttribute("alternatives", rooms.freeSlots(centreId, form.getDate(), form.getFrom(), form.getTo(), form.getAttendees(), List.of()));
            }
        } else if (errors.isEmpty()) {
            errors.put("global", List.of(problemText(refusal)));
        }
        return render(form, series, me, model, errors, refusal);
    }

    @SuppressWarnings("unchecked")
    private String render(BookingForm form, boolean series, StaffUser me, Model model, Map<String, List<String>> errors, ServiceRefusal refusal) {
        Map<String, Object> resource = rooms.resource(form.getResourceId());
        Map<String, Object> centre = rooms.centre(String.valueOf(resource.get("centreId")));
        model.addAttribute("form", form);
        model.addAttribute("series", series);
        model.addAttribute("resource", resource);
        model.addAttribute("centre", centre);
        model.addAttribute("hours", form.getDate() == null ? null : CalendarGrid.hoursOn(centre, form.getDate().getDayOfWeek()));
        model.addAttribute("centreId", String.valueOf(centre.get("id")));
        model.addAttribute("quota", quotaText(String.valueOf(centre.get("id")), form.getPartnerId(), form.getDate()));
        model.addAttribute("errors", errors);
        model.addAttribute("visibilities", DanishText.visibilities());
        model.addAttribute("targetGroups", DanishText.targetGroups());
        // Staff book for any partner of their house; a partner's member for their own organisation only.
        if (!me.partnerMember() || me.staffOf(String.valueOf(centre.get("id")))) {
            Map<String, Object> partners = registry.search(Map.of("centre", String.valueOf(centre.get("id"))), 0, 100);
            model.addAttribute("partners", partners.getOrDefault("items", List.of()));
        }
        return "book";
    }
}
