package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.util.HashMap;
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
 * A room's waitlist: who waits for which taken time, in the order they joined, as room booking discloses each row to the
 * caller (another partner's entry shows neither its title nor who). Your own entries can be left from here.
 */
@Controller
class WaitlistPage {

    private final RoomBooking rooms;
    private final PartnerRegistry registry;

    WaitlistPage(RoomBooking rooms, PartnerRegistry registry) {
        this.rooms = rooms;
        this.registry = registry;
    }

    @GetMapping("/lokaler/{resourceId}/venteliste")
    @SuppressWarnings("unchecked")
    String waitlist(@PathVariable String resourceId, @ModelAttribute("me") StaffUser me, Model model) {
        Map<String, Object> resource = rooms.resource(resourceId);
        String centreId = String.valueOf(resource.get("centreId"));
        List<Map<String, Object>> entries = rooms.waitlist(resourceId);
        Map<String, String> names = new HashMap<>();
        if (entries.stream().anyMatch(e -> e.get("partnerId") != null)) {
            for (Map<String, Object> partner : (List<Map<String, Object>>) registry.search(Map.of("centre", centreId), 0, 100)
                    .getOrDefault("items", List.of())) {
                names.put(String.valueOf(partner.get("id")), String.valueOf(partner.get("name")));
            }
        }
        // A waiting partner need not be a member of the house (staff may book for others): ask for the few not found.
        entries.stream().map(e -> (String) e.get("partnerId")).filter(id -> id != null && !names.containsKey(id)).distinct().forEach(id -> {
            try {
                names.put(id, String.valueOf(registry.partner(id).get("name")));
            } catch (ServiceRefusal unknown) {
                names.put(id, "Ukendt aktør");
            }
        });
        model.addAttribute("resource", resource);
        model.addAttribute("centre", rooms.centre(centreId));
        model.addAttribute("entries", entries);
        model.addAttribute("names", names);
        return "waitlist";
    }

    @PostMapping("/venteliste/{entryId}/forlad")
    String leave(@PathVariable String entryId, @RequestParam(name = "lokale") String resourceId, RedirectAttributes redirect) {
        try {
            rooms.leaveWaitlist(entryId);
            redirect.addFlashAttribute("notice", "I står ikke længere på ventelisten til den tid.");
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", BookingPages.problemText(refusal));
        }
        return "redirect:/lokaler/" + resourceId + "/venteliste";
    }
}
