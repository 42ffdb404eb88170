package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
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
 * Calendar feed links (iCalendar) for Outlook or Google: my organisation's bookings, and a house's for its staff. The
 * secret URL is shown once, to copy; afterwards only that the link exists, and it can be revoked.
 */
@Controller
class FeedPages {

    private final RoomBooking rooms;

    FeedPages(RoomBooking rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/kalenderlinks")
    String feeds(@ModelAttribute("me") StaffUser me, Model model) {
        List<Map<String, Object>> scopes = new ArrayList<>();
        if (me.partnerMember()) {
            scopes.add(scope("partners", me.org(), "Min organisations bookinger i alle huse", rooms.feedTokens("partners", me.org())));
        }
        for (String centre : me.staff() ? me.centres() : List.<String>of()) {
            scopes.add(scope("centres", centre, "Alle bookinger i " + rooms.centre(centre).get("name"), rooms.feedTokens("centres", centre)));
        }
        model.addAttribute("scopes", scopes);
        return "feeds";
    }

    @PostMapping("/kalenderlinks/{scope}/{id}")
    String create(@PathVariable String scope, @PathVariable String id, RedirectAttributes redirect) {
        if (!List.of("partners", "centres", "resources").contains(scope)) {
            throw new ServiceRefusal(404, Map.of());
        }
        Map<String, Object> created = rooms.createFeedToken(scope, id);
        redirect.addFlashAttribute("createdUrl", created.get("url"));
        return "redirect:/kalenderlinks";
    }

    @PostMapping("/kalenderlinks/tilbagekald")
    String revoke(@RequestParam String tokenId, RedirectAttributes redirect) {
        rooms.revokeFeedToken(tokenId);
        redirect.addFlashAttribute("notice", "Linket er tilbagekaldt: kalendere, der bruger det, får ikke flere opdateringer.");
        return "redirect:/kalenderlinks";
    }

    private static Map<String, Object> scope(String scope, String id, String label, List<Map<String, Object>> tokens) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scope", scope);
        result.put("id", id);
        result.put("label", label);
        result.put("tokens", tokens);
        return result;
    }
}
